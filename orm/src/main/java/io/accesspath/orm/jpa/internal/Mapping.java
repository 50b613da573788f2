package io.accesspath.orm.jpa.internal;

import io.accesspath.core.design.Design;
import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.Table;
import io.accesspath.core.spec.Attribute;
import io.accesspath.core.spec.Entity;
import io.accesspath.core.spec.LogicalType;
import io.accesspath.core.spec.Relationship;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a design's tables map to JPA: which tables are entities, what each column and foreign key
 * becomes, and the Java property path of every column (for queries).
 *
 * <p>Rules: every entity table is an entity; a many-to-many link table that holds only the two
 * foreign keys becomes a {@code @ManyToMany @JoinTable}, any other link table (tenant-scoped, or with
 * attributes) an entity of its own; lookup tables (enum_style: table) are not mapped, their values
 * being a Java enum. A foreign key whose columns are outside the primary key is an owning
 * {@code @ManyToOne}; one that shares columns with the key (the tenant column, a natural key) is
 * mapped read-only, the shared and own columns being written through basic fields, because JPA
 * cannot write one column through two mappings.
 */
public final class Mapping {
    /** A to-one association: owning (writes its columns) or read-only. */
    public record Assoc(String name, ForeignKey fk, boolean owning, Optional<String> relationship) {}

    /** A collection: the inverse of a to-one ({@code mappedBy}) or an owning many-to-many. */
    public record Collection(String name, String elementTable, Optional<String> mappedBy, Optional<JoinTable> joinTable) {}

    /** The link table of an owning {@code @ManyToMany}. */
    public record JoinTable(String table, List<String> joinColumns, List<String> inverseJoinColumns) {}

    /** A Java enum for an enum attribute. */
    public record EnumInfo(String className, List<String> values, boolean namedType) {}

    private final Design design;
    private final String javaPackage;
    private final Map<String, String> classes = new LinkedHashMap<>();
    private final Set<String> joinTables = new HashSet<>();
    private final Map<String, List<Assoc>> assocs = new LinkedHashMap<>();
    private final Map<String, List<Collection>> collections = new LinkedHashMap<>();

    public Mapping(Design design, String javaPackage) {
        this.design = design;
        this.javaPackage = javaPackage;
        for (Entity e : design.spec().entities()) {
            classes.put(e.table(), JavaNames.pascal(e.name()));
        }
        for (Relationship r : design.spec().relationships()) {
            if (r.isManyToMany()) {
                String link = linkTable(r);
                if (isPlainLink(link)) {
                    joinTables.add(link);
                } else {
                    classes.put(link, JavaNames.pascal(link));
                }
            }
        }
        for (String t : classes.keySet()) {
            assocs.put(t, associationsOf(t));
            collections.put(t, new ArrayList<>());
        }
        for (Relationship r : design.spec().relationships()) {
            addCollections(r);
        }
    }

    public String javaPackage() {
        return javaPackage;
    }

    public Design design() {
        return design;
    }

    /** The tables mapped as entities, in schema order. */
    public List<String> entityTables() {
        return design.schema().tables().stream().map(Table::name).filter(classes::containsKey).toList();
    }

    public boolean isEntity(String table) {
        return classes.containsKey(table);
    }

    public String className(String table) {
        return classes.get(table);
    }

    public String qualified(String table) {
        return javaPackage + "." + className(table);
    }

    public Table table(String name) {
        return design.schema().table(name).orElseThrow();
    }

    public Optional<Entity> entity(String table) {
        return design.spec().entities().stream().filter(e -> e.table().equals(table)).findFirst();
    }

    public List<Assoc> associations(String table) {
        return assocs.getOrDefault(table, List.of());
    }

    public List<Collection> collections(String table) {
        return collections.getOrDefault(table, List.of());
    }

    public List<String> keyColumns(String table) {
        return table(table).primaryKey().map(pk -> pk.columns()).orElse(List.of());
    }

    public boolean compositeKey(String table) {
        return keyColumns(table).size() > 1;
    }

    /** The id type: the key column's Java type, or the IdClass of a composite key. */
    public String idType(String table) {
        List<String> key = keyColumns(table);
        return key.size() == 1 ? javaType(table, key.get(0)) : qualified(table) + "Id";
    }

    /** Columns mapped as basic fields: all but generated search documents and owning associations' columns. */
    public List<Column> basicColumns(String table) {
        Set<String> owned = new HashSet<>();
        for (Assoc a : associations(table)) {
            if (a.owning()) {
                owned.addAll(a.fk().columns());
            }
        }
        return table(table).columns().stream()
                .filter(c -> !(c.generated().isPresent() && c.type().equals("tsvector")))
                .filter(c -> !owned.contains(c.name())).toList();
    }

    /** Generated search documents: read only by native full-text queries, never mapped. */
    public List<Column> omittedColumns(String table) {
        return table(table).columns().stream().filter(c -> c.generated().isPresent() && c.type().equals("tsvector"))
                .toList();
    }

    /** The Java property path of a column ({@code customer.id} through an owning association). */
    public String propertyPath(String table, String column) {
        for (Assoc a : associations(table)) {
            int i = a.fk().columns().indexOf(column);
            if (a.owning() && i >= 0) {
                return a.name() + "." + propertyPath(a.fk().referencedTable(), a.fk().referencedColumns().get(i));
            }
        }
        return JavaNames.camel(column);
    }

    /** The qualified Java type of a column. */
    public String javaType(String table, String column) {
        Optional<EnumInfo> en = enumOf(table, column);
        if (en.isPresent()) {
            return javaPackage + "." + en.get().className();
        }
        Column c = table(table).column(column).orElseThrow();
        return JavaTypes.of(c.type()).orElse("String");
    }

    /** The Java enum of an enum attribute's column, when every value is a Java identifier. */
    public Optional<EnumInfo> enumOf(String table, String column) {
        Optional<Entity> e = entity(table);
        Optional<Attribute> a = e.flatMap(x -> x.attribute(column));
        if (a.isEmpty() || !(a.get().type() instanceof LogicalType.Enum en)
                || !en.values().stream().allMatch(JavaNames::isIdentifier)) {
            return Optional.empty();
        }
        String type = table(table).column(column).orElseThrow().type();
        boolean named = design.schema().enumTypes().stream().anyMatch(t -> t.name().equals(type));
        return Optional.of(new EnumInfo(JavaNames.pascal(e.get().name()) + JavaNames.pascal(column), en.values(), named));
    }

    /** Every enum the mapping uses, by class name. */
    public Map<String, EnumInfo> enums() {
        Map<String, EnumInfo> out = new LinkedHashMap<>();
        for (String t : entityTables()) {
            for (Column c : basicColumns(t)) {
                enumOf(t, c.name()).ifPresent(en -> out.put(en.className(), en));
            }
        }
        return out;
    }

    /**
     * The entity-graph attribute paths that load a fetch path ({@code lines.product}); a relation
     * through a link entity also loads the far end ({@code labels}, {@code labels.label}).
     */
    public List<String> attributePaths(String table, String fetchPath) {
        List<String> out = new ArrayList<>();
        String current = table;
        StringBuilder path = new StringBuilder();
        for (String segment : fetchPath.split("\\.")) {
            String name = JavaNames.camel(segment);
            path.append(path.length() == 0 ? "" : ".").append(name);
            Optional<Assoc> a = associations(current).stream().filter(x -> x.name().equals(name)).findFirst();
            if (a.isPresent()) {
                current = a.get().fk().referencedTable();
                continue;
            }
            Collection c = collections(current).stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no property " + name + " on " + className(table)));
            current = c.elementTable();
            if (!joinTables.contains(c.elementTable()) && c.mappedBy().isPresent()
                    && linkTables().contains(c.elementTable())) {
                String back = c.mappedBy().get();
                Assoc far = associations(current).stream().filter(x -> !x.name().equals(back)).findFirst().orElseThrow();
                out.add(path.toString());
                path.append('.').append(far.name());
                current = far.fk().referencedTable();
            }
        }
        out.add(path.toString());
        return out;
    }

    /** Link tables mapped as entities. */
    public Set<String> linkTables() {
        Set<String> out = new HashSet<>();
        for (Relationship r : design.spec().relationships()) {
            if (r.isManyToMany() && !joinTables.contains(linkTable(r))) {
                out.add(linkTable(r));
            }
        }
        return out;
    }

    private String linkTable(Relationship r) {
        return r.through().orElse(r.child() + "_" + r.parent());
    }

    private String tableOf(String entity) {
        return design.spec().requireEntity(entity).table();
    }

    /** Two foreign keys on disjoint columns and nothing else: a plain join table. */
    private boolean isPlainLink(String link) {
        Table t = table(link);
        if (t.foreignKeys().size() != 2) {
            return false;
        }
        Set<String> cols = new HashSet<>(t.foreignKeys().get(0).columns());
        for (String c : t.foreignKeys().get(1).columns()) {
            if (!cols.add(c)) {
                return false;
            }
        }
        return cols.size() == t.columns().size();
    }

    private List<Assoc> associationsOf(String table) {
        List<Assoc> out = new ArrayList<>();
        List<String> key = table(table).primaryKey().map(pk -> pk.columns()).orElse(List.of());
        Set<String> names = new HashSet<>();
        for (ForeignKey fk : table(table).foreignKeys()) {
            if (!classes.containsKey(fk.referencedTable())) {
                continue; // a lookup table: its values are a Java enum
            }
            Optional<Relationship> r = relationshipOf(table, fk);
            String name = JavaNames.camel(r.map(Relationship::as)
                    .orElse(entity(fk.referencedTable()).map(Entity::name).orElse(fk.referencedTable())));
            if (!names.add(name)) {
                continue;
            }
            boolean owning = fk.columns().stream().noneMatch(key::contains);
            out.add(new Assoc(name, fk, owning, r.map(Relationship::as)));
        }
        return out;
    }

    private Optional<Relationship> relationshipOf(String table, ForeignKey fk) {
        String last = fk.columns().get(fk.columns().size() - 1);
        return design.spec().relationships().stream().filter(r -> !r.isManyToMany())
                .filter(r -> tableOf(r.child()).equals(table) && tableOf(r.parent()).equals(fk.referencedTable()))
                .filter(r -> last.startsWith(r.as() + "_")).findFirst();
    }

    private void addCollections(Relationship r) {
        String child = tableOf(r.child());
        String parent = tableOf(r.parent());
        if (!r.isManyToMany()) {
            if (r.inverse().isEmpty() || r.kind() == Relationship.Kind.ONE_TO_ONE || !isEntity(child)) {
                return;
            }
            associations(child).stream().filter(a -> a.relationship().map(r.as()::equals).orElse(false)).findFirst()
                    .ifPresent(a -> collections.get(parent).add(new Collection(JavaNames.camel(r.inverse().get()),
                            child, Optional.of(a.name()), Optional.empty())));
            return;
        }
        String link = linkTable(r);
        Table l = table(link);
        ForeignKey toChild = l.foreignKeys().stream().filter(f -> f.referencedTable().equals(child)).findFirst()
                .orElseThrow();
        ForeignKey toParent = l.foreignKeys().stream().filter(f -> f.referencedTable().equals(parent) && f != toChild)
                .findFirst().orElseThrow();
        if (joinTables.contains(link)) {
            collections.get(child).add(new Collection(JavaNames.camel(r.as()), parent, Optional.empty(),
                    Optional.of(new JoinTable(link, toChild.columns(), toParent.columns()))));
            r.inverse().ifPresent(inv -> collections.get(parent).add(new Collection(JavaNames.camel(inv), child,
                    Optional.of(JavaNames.camel(r.as())), Optional.empty())));
            return;
        }
        String childSide = associations(link).stream().filter(a -> a.fk().equals(toChild)).findFirst().orElseThrow()
                .name();
        String parentSide = associations(link).stream().filter(a -> a.fk().equals(toParent)).findFirst().orElseThrow()
                .name();
        collections.get(child).add(new Collection(JavaNames.camel(r.as()), link, Optional.of(childSide),
                Optional.empty()));
        r.inverse().ifPresent(inv -> collections.get(parent).add(new Collection(JavaNames.camel(inv), link,
                Optional.of(parentSide), Optional.empty())));
    }
}
