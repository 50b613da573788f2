package io.accesspath.orm.jpa.internal;

import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.schema.Column;
import io.accesspath.core.spec.Entity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes the entity class of one table, and the IdClass of a composite key. */
public final class EntityWriter {
    private static final String P = "jakarta.persistence.";
    private static final Pattern LENGTH = Pattern.compile("(?:varchar|char)\\((\\d+)\\)");
    private static final Pattern NUMERIC = Pattern.compile("numeric\\((\\d+),(\\d+)\\)");
    /** Collections load for this many owners at once, so a page of rows never loads them one by one. */
    static final int BATCH_SIZE = 50;

    private final Mapping m;
    private final Dialect dialect;

    public EntityWriter(Mapping mapping, Dialect dialect) {
        this.m = mapping;
        this.dialect = dialect;
    }

    public String entity(String table) {
        JavaFile f = new JavaFile(m.javaPackage());
        String cls = m.className(table);
        List<String> doc = new ArrayList<>();
        Optional<Entity> entity = m.entity(table);
        doc.add(entity.flatMap(Entity::description).orElse(entity.map(e -> "The " + e.name() + " entity.")
                .orElse("A row of the link table " + table + ".")));
        doc.add("");
        doc.add("<p>Table {@code " + table + "}, as designed by accesspath from " + m.design().spec().file()
                + "; regenerate rather than edit.");
        for (Column c : m.omittedColumns(table)) {
            doc.add("<p>{@code " + c.name() + "} (a generated full-text document) is not mapped: the repository's native"
                    + " search queries read it.");
        }
        if (m.associations(table).stream().anyMatch(a -> !a.owning())) {
            doc.add("<p>References that share columns with the key are read-only; their own columns are written through"
                    + " the basic fields (JPA cannot write one column through two mappings).");
        }
        if (!m.collections(table).isEmpty()) {
            doc.add("<p>Collections load lazily, " + BATCH_SIZE + " owners at a time ({@code @BatchSize}), so reading"
                    + " them for a page of rows takes one query per " + BATCH_SIZE + " rows, not one per row.");
        }
        f.javadoc("", doc);
        f.line(f.ann(P + "Entity"));
        f.line(f.ann(P + "Table") + "(name = " + name(table) + ")");
        if (m.compositeKey(table)) {
            f.line(f.ann(P + "IdClass") + "(" + cls + "Id.class)");
        }
        f.line("public class " + cls + " {");
        List<String[]> accessors = new ArrayList<>();
        for (Column c : m.basicColumns(table)) {
            basic(f, table, c, accessors);
        }
        for (Mapping.Assoc a : m.associations(table)) {
            assoc(f, table, a, accessors);
        }
        for (Mapping.Collection c : m.collections(table)) {
            collection(f, c, accessors);
        }
        for (String[] acc : accessors) {
            f.blank();
            String type = acc[0];
            String field = acc[1];
            String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1).replaceAll("_$", "");
            f.line("    public " + type + " get" + cap + "() {").line("        return " + field + ";").line("    }");
            if (acc[2].equals("rw")) {
                f.blank().line("    public void set" + cap + "(" + type + " " + field + ") {")
                        .line("        this." + field + " = " + field + ";").line("    }");
            }
        }
        f.line("}");
        return f.render();
    }

    private void basic(JavaFile f, String table, Column c, List<String[]> accessors) {
        f.blank();
        List<String> key = m.keyColumns(table);
        if (key.contains(c.name())) {
            f.line("    " + f.ann(P + "Id"));
            if (c.identity().isPresent()) {
                f.line("    " + f.ann(P + "GeneratedValue") + "(strategy = " + f.type(P + "GenerationType") + ".IDENTITY)");
            } else if (c.type().equals("uuid") && c.defaultExpression().isPresent() && key.size() == 1) {
                f.line("    " + f.ann(P + "GeneratedValue") + "(strategy = " + f.type(P + "GenerationType") + ".UUID)");
            }
        }
        List<String> attrs = new ArrayList<>();
        attrs.add("name = " + name(c.name()));
        if (!c.nullable()) {
            attrs.add("nullable = false");
        }
        String t = c.type().toLowerCase(Locale.ROOT);
        Matcher len = LENGTH.matcher(t);
        if (len.matches()) {
            attrs.add("length = " + len.group(1));
        }
        Matcher num = NUMERIC.matcher(t);
        if (num.matches()) {
            attrs.add("precision = " + num.group(1));
            attrs.add("scale = " + num.group(2));
        }
        if (c.generated().isPresent()) {
            attrs.add("insertable = false");
            attrs.add("updatable = false");
        }
        Optional<Mapping.EnumInfo> en = m.enumOf(table, c.name());
        String javaType = m.javaType(table, c.name());
        if (en.isPresent()) {
            f.line("    " + f.ann(P + "Enumerated") + "(" + f.type(P + "EnumType") + ".STRING)");
            if (en.get().namedType()) {
                // A PostgreSQL enum type: bound as the type itself, not as varchar.
                f.line("    " + f.ann("org.hibernate.annotations.JdbcTypeCode") + "("
                        + f.type("org.hibernate.type.SqlTypes") + ".NAMED_ENUM)");
                attrs.add("columnDefinition = " + JavaNames.literal(c.type()));
            }
        } else if (t.equals("jsonb") || t.equals("json")) {
            f.line("    " + f.ann("org.hibernate.annotations.JdbcTypeCode") + "(" + f.type("org.hibernate.type.SqlTypes")
                    + ".JSON)");
        } else if (JavaTypes.of(t).isEmpty()) {
            // No standard JDBC type (point, ranges, enum types with values Java cannot name): read as the
            // value's text and cast back on write, so Hibernate's validation sees the real column type.
            f.line("    " + f.ann("org.hibernate.annotations.ColumnTransformer") + "(read = "
                    + JavaNames.literal(dialect.quoteIdentifier(c.name()) + "::text") + ", write = "
                    + JavaNames.literal("?::" + c.type()) + ")");
            attrs.add("columnDefinition = " + JavaNames.literal(c.type()));
        } else if (t.equals("timestamptz")) {
            attrs.add("columnDefinition = \"timestamptz\"");
        }
        f.line("    " + f.ann(P + "Column") + "(" + String.join(", ", attrs) + ")");
        String field = JavaNames.camel(c.name());
        f.line("    private " + f.type(javaType) + " " + field + ";");
        accessors.add(new String[] {f.type(javaType), field, c.generated().isPresent() ? "ro" : "rw"});
    }

    private void assoc(JavaFile f, String table, Mapping.Assoc a, List<String[]> accessors) {
        f.blank();
        boolean required = a.fk().columns().stream()
                .noneMatch(col -> m.table(table).column(col).orElseThrow().nullable());
        if (!a.owning()) {
            f.line("    // Read-only: " + String.join(", ", a.fk().columns()) + (a.fk().columns().size() == 1 ? " is" : " are")
                    + " written through the basic fields.");
        }
        f.line("    " + f.ann(P + "ManyToOne") + "(fetch = " + f.type(P + "FetchType") + ".LAZY"
                + (required && a.owning() ? ", optional = false" : "") + ")");
        boolean single = a.fk().columns().size() == 1;
        for (int i = 0; i < a.fk().columns().size(); i++) {
            List<String> attrs = new ArrayList<>();
            attrs.add("name = " + name(a.fk().columns().get(i)));
            if (!single) {
                attrs.add("referencedColumnName = " + name(a.fk().referencedColumns().get(i)));
            }
            if (a.owning() && required) {
                attrs.add("nullable = false");
            }
            if (!a.owning()) {
                attrs.add("insertable = false");
                attrs.add("updatable = false");
            }
            f.line("    " + f.ann(P + "JoinColumn") + "(" + String.join(", ", attrs) + ")");
        }
        String type = f.type(m.qualified(a.fk().referencedTable()));
        f.line("    private " + type + " " + a.name() + ";");
        accessors.add(new String[] {type, a.name(), a.owning() ? "rw" : "ro"});
    }

    private void collection(JavaFile f, Mapping.Collection c, List<String[]> accessors) {
        f.blank();
        String element = f.type(m.qualified(c.elementTable()));
        if (c.joinTable().isPresent()) {
            Mapping.JoinTable j = c.joinTable().get();
            f.line("    " + f.ann(P + "ManyToMany"));
            f.line("    " + f.ann(P + "JoinTable") + "(name = " + name(j.table()) + ",");
            f.line("            joinColumns = " + joinColumns(f, j.joinColumns()) + ",");
            f.line("            inverseJoinColumns = " + joinColumns(f, j.inverseJoinColumns()) + ")");
        } else {
            boolean manyToMany = !m.linkTables().contains(c.elementTable())
                    && m.collections(c.elementTable()).stream().anyMatch(x -> x.joinTable().isPresent()
                    && x.name().equals(c.mappedBy().orElse("")));
            f.line("    " + f.ann(P + (manyToMany ? "ManyToMany" : "OneToMany")) + "(mappedBy = "
                    + JavaNames.literal(c.mappedBy().orElseThrow()) + ")");
        }
        f.line("    " + f.ann("org.hibernate.annotations.BatchSize") + "(size = " + BATCH_SIZE + ")");
        String type = f.type("java.util.Set") + "<" + element + ">";
        f.line("    private " + type + " " + c.name() + " = new " + f.type("java.util.HashSet") + "<>();");
        accessors.add(new String[] {type, c.name(), "ro"});
    }

    private String joinColumns(JavaFile f, List<String> columns) {
        List<String> parts = new ArrayList<>();
        for (String c : columns) {
            parts.add(f.ann(P + "JoinColumn") + "(name = " + name(c) + ")");
        }
        return parts.size() == 1 ? parts.get(0) : "{" + String.join(", ", parts) + "}";
    }

    /** The IdClass of a composite key: a record of the key's properties. */
    public String idClass(String table) {
        JavaFile f = new JavaFile(m.javaPackage());
        String cls = m.className(table);
        List<String> components = new ArrayList<>();
        for (String k : m.keyColumns(table)) {
            components.add(f.type(m.javaType(table, k)) + " " + JavaNames.camel(k));
        }
        f.javadoc("", List.of("The primary key of {@link " + cls + "}: (" + String.join(", ", m.keyColumns(table))
                + ")."));
        f.line("public record " + cls + "Id(" + String.join(", ", components) + ") implements "
                + f.type("java.io.Serializable") + " {");
        f.line("}");
        return f.render();
    }

    /** A Java enum whose constants are the stored values (so {@code @Enumerated(STRING)} stores them as they are). */
    public String enumClass(Mapping.EnumInfo en) {
        JavaFile f = new JavaFile(m.javaPackage());
        f.javadoc("", List.of("The values of " + en.className() + ", named exactly as stored"
                + (en.namedType() ? " in the PostgreSQL enum type." : " (a CHECK constraint or lookup table keeps"
                + " the column to them).")));
        f.line("public enum " + en.className() + " {");
        f.line("    " + String.join(", ", en.values()));
        f.line("}");
        return f.render();
    }

    private String name(String sqlName) {
        return JavaNames.literal(dialect.quoteIdentifier(sqlName));
    }
}
