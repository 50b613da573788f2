package io.accesspath.orm.jpa.internal;

import io.accesspath.core.design.PatternAccess;
import io.accesspath.core.design.PatternShape;
import io.accesspath.core.design.PatternShape.Aggregate;
import io.accesspath.core.design.PatternShape.Condition;
import io.accesspath.core.design.PatternShape.SortColumn;
import io.accesspath.core.query.Parameter;
import io.accesspath.core.query.ParameterRole;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QuerySql;
import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.Table;
import io.accesspath.core.spec.AccessPattern.Op;
import io.accesspath.core.spec.AccessPattern.PageStyle;
import io.accesspath.core.spec.Rate;
import io.accesspath.orm.jpa.internal.Criteria.Criterion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the Spring Data repository of one entity: one method per access pattern on its table.
 *
 * <ul>
 *   <li>A derived query where Spring Data can say it ({@code findFirst20ByCustomerIdOrderByPlacedAtDescIdDesc}),
 *       returning a {@code Window} scrolled with a {@code ScrollPosition} when the pattern pages (keyset or
 *       offset), with an entity graph for fetched relations. Where the pattern fixes constants, a default
 *       method named after the pattern supplies them.</li>
 *   <li>JPQL ({@code @Query}) where a derived name cannot say it: case-insensitive comparisons,
 *       aggregates.</li>
 *   <li>The native SQL of the query writer where JPQL cannot say it: full-text search, containment,
 *       overlaps, nearest-first and box searches, and keyset pages that only native SQL can seek.</li>
 * </ul>
 * Every query method carries {@code @Meta(comment = "<pattern>")}, so the SQL it sends names its pattern.
 */
public final class RepositoryWriter {
    private static final String SD = "org.springframework.data.";
    private static final String JPA = SD + "jpa.repository.";

    private final Mapping m;
    private final Map<String, String> records = new LinkedHashMap<>();

    public RepositoryWriter(Mapping mapping) {
        this.m = mapping;
    }

    /** Result records of aggregate patterns written so far, by class name. */
    public Map<String, String> records() {
        return records;
    }

    public String repository(String table, List<Query> queries) {
        JavaFile f = new JavaFile(m.javaPackage());
        String cls = m.className(table);
        f.javadoc("", List.of("The access patterns that read {@code " + table + "}, one method each, as designed by"
                + " accesspath from " + m.design().spec().file() + ".", "",
                "<p>Each method's javadoc names its pattern and the plan the design expects; the SQL each sends carries"
                        + " the pattern's name as a comment."));
        f.line("public interface " + cls + "Repository extends " + f.type(JPA + "JpaRepository") + "<" + cls + ", "
                + f.type(m.idType(table)) + "> {");
        for (Query q : queries) {
            PatternShape s = m.design().shapeOf(q.name()).orElseThrow();
            f.blank();
            method(f, table, q, s);
        }
        f.line("}");
        return f.render();
    }

    private void method(JavaFile f, String table, Query q, PatternShape s) {
        List<Criterion> criteria = Criteria.of(m, s, q);
        boolean nativeOnly = criteria.stream().anyMatch(c -> Criteria.nativeOnly(c.condition()));
        boolean aggregate = !s.aggregates().isEmpty() || !s.groupBy().isEmpty();
        boolean folded = criteria.stream().anyMatch(c -> c.condition().caseFolded());
        boolean keyset = q.page().map(p -> p.style() == PageStyle.KEYSET).orElse(false);
        if (nativeOnly || ((aggregate || folded) && keyset)) {
            nativeMethods(f, table, q);
        } else if (aggregate || folded) {
            jpql(f, table, q, s, criteria);
        } else {
            derived(f, table, q, s, criteria);
        }
    }

    // ---- derived queries

    private void derived(JavaFile f, String table, Query q, PatternShape s, List<Criterion> criteria) {
        String entity = f.type(m.qualified(table));
        List<String> parts = new ArrayList<>();
        List<String[]> params = new ArrayList<>();
        List<String> constantArgs = new ArrayList<>();
        List<String> wrapperParams = new ArrayList<>();
        for (Criterion c : criteria) {
            Condition cond = c.condition();
            String prop = pascalPath(c.path());
            String type = propertyType(f, c);
            boolean bool = type.equals("Boolean");
            List<String> names = c.parameters().stream().map(p -> JavaNames.camel(p.name())).toList();
            switch (cond.op()) {
                case EQ -> {
                    if (bool && !cond.constants().isEmpty()) {
                        parts.add(prop + (Boolean.parseBoolean(cond.constants().get(0)) ? "True" : "False"));
                        continue;
                    }
                    parts.add(prop);
                }
                case NE -> parts.add(prop + "Not");
                case IN -> {
                    parts.add(prop + "In");
                    type = f.type("java.util.Collection") + "<" + type + ">";
                }
                case RANGE -> parts.add(prop + "GreaterThanEqualAnd" + prop + "LessThan");
                case GT -> parts.add(prop + "GreaterThan");
                case GTE -> parts.add(prop + "GreaterThanEqual");
                case LT -> parts.add(prop + "LessThan");
                case LTE -> parts.add(prop + "LessThanEqual");
                case PREFIX -> parts.add(prop + "StartingWith");
                case IS_NULL -> {
                    parts.add(prop + "IsNull");
                    continue;
                }
                case IS_NOT_NULL -> {
                    parts.add(prop + "IsNotNull");
                    continue;
                }
                default -> throw new IllegalStateException("not derivable: " + cond.op());
            }
            if (!cond.constants().isEmpty()) {
                // The pattern fixes the value: the default method named after the pattern passes it.
                String name = JavaNames.camel(cond.column());
                List<String> values = cond.constants().stream().map(v -> constant(f, c, v)).toList();
                if (cond.op() == Op.IN) {
                    params.add(new String[] {type, name});
                    constantArgs.add(f.type("java.util.List") + ".of(" + String.join(", ", values) + ")");
                } else if (cond.op() == Op.RANGE) {
                    params.add(new String[] {type, name + "From"});
                    params.add(new String[] {type, name + "To"});
                    constantArgs.addAll(values);
                } else {
                    params.add(new String[] {type, name});
                    constantArgs.add(values.get(0));
                }
                continue;
            }
            for (String n : names) {
                params.add(new String[] {type, n});
                wrapperParams.add(n);
                constantArgs.add(n);
            }
        }
        Optional<String> paged = q.page().map(p -> "First" + p.size());
        // With an entity graph the pattern names the subject, so the method never shadows a CRUD method
        // (findById) with one that always loads the graph.
        String subject = s.fetches().isEmpty() ? "" : graphSubject(s);
        StringBuilder name = new StringBuilder("find").append(paged.orElse("")).append(subject).append("By")
                .append(String.join("And", parts));
        if (!s.sort().isEmpty()) {
            name.append("OrderBy");
            for (SortColumn sc : s.sort()) {
                name.append(pascalPath(m.propertyPath(table, sc.column()))).append(sc.descending() ? "Desc" : "Asc");
            }
        }
        boolean window = q.page().map(p -> p.style() != PageStyle.NONE).orElse(false);
        String result = window ? f.type(SD + "domain.Window") + "<" + entity + ">"
                : q.page().isPresent() || !unique(q) ? f.type("java.util.List") + "<" + entity + ">"
                : f.type("java.util.Optional") + "<" + entity + ">";
        List<String> decl = new ArrayList<>();
        for (String[] p : params) {
            decl.add(p[0] + " " + p[1]);
        }
        if (window) {
            decl.add(f.type(SD + "domain.ScrollPosition") + " position");
        }
        boolean wrapper = params.size() > wrapperParams.size();
        List<String> doc = javadoc(q, s);
        if (window) {
            doc.add("<p>" + (q.page().get().style() == PageStyle.KEYSET
                    ? "Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code"
                    + " window.positionAt(window.size() - 1)}; each page seeks the index after the last row, never"
                    + " OFFSET."
                    : "Offset pages, as the pattern asks: start with {@code ScrollPosition.offset()}, continue with"
                    + " {@code window.positionAt(window.size() - 1)}; deep pages read and discard every earlier row."));
            nullableSortNote(table, s).ifPresent(doc::add);
        }
        if (wrapper) {
            doc.add("<p>Prefer {@link #" + JavaNames.camel(q.name()) + "}, which passes the pattern's constants.");
        }
        f.javadoc("    ", doc);
        f.line("    " + f.ann(JPA + "Meta") + "(comment = " + JavaNames.literal(q.name()) + ")");
        entityGraph(f, table, q, s);
        f.signature("    ", result + " " + name, decl, ";");
        if (wrapper) {
            List<String> wDecl = new ArrayList<>();
            for (String[] p : params) {
                if (wrapperParams.contains(p[1])) {
                    wDecl.add(p[0] + " " + p[1]);
                }
            }
            List<String> args = new ArrayList<>(constantArgs);
            if (window) {
                wDecl.add(f.type(SD + "domain.ScrollPosition") + " position");
                args.add("position");
            }
            f.blank();
            List<String> wDoc = javadoc(q, s);
            wDoc.add("<p>Supplies the pattern's constants to {@link #" + name + "}.");
            f.javadoc("    ", wDoc);
            f.signature("    ", "default " + result + " " + JavaNames.camel(q.name()), wDecl, " {");
            f.signature("        ", "return " + name, args, ";");
            f.line("    }");
        }
    }

    /**
     * {@code WithCustomerAndLines}: the relations the graph loads, as the subject of a derived name
     * (Spring Data ignores it); never containing "By", which would end the subject.
     */
    private static String graphSubject(PatternShape s) {
        String subject = "With" + String.join("And", s.fetches().stream().filter(x -> x.parentPath().isEmpty())
                .map(x -> JavaNames.pascal(x.path())).toList());
        return subject.matches(".*By(\\p{Lu}.*)?") ? "WithGraph" : subject;
    }

    private void entityGraph(JavaFile f, String table, Query q, PatternShape s) {
        if (s.fetches().isEmpty()) {
            return;
        }
        LinkedHashSet<String> paths = new LinkedHashSet<>();
        for (PatternShape.Fetch fetch : s.fetches()) {
            boolean toManyOnPage = q.page().isPresent() && (fetch.toMany() || s.fetches().stream()
                    .anyMatch(o -> o.toMany() && fetch.path().startsWith(o.path() + ".")));
            if (!toManyOnPage) {
                // Collections of a page are left to @BatchSize: fetch-joining them would page in memory.
                paths.addAll(m.attributePaths(table, fetch.path()));
            }
        }
        if (!paths.isEmpty()) {
            f.line("    " + f.ann(JPA + "EntityGraph") + "(attributePaths = {" + String.join(", ",
                    paths.stream().map(JavaNames::literal).toList()) + "})");
        }
    }

    // ---- JPQL

    private void jpql(JavaFile f, String table, Query q, PatternShape s, List<Criterion> criteria) {
        String cls = m.className(table);
        String alias = cls.substring(0, 1).toLowerCase(Locale.ROOT);
        List<String> where = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        List<String[]> params = new ArrayList<>();
        int joinCount = 0;
        for (Criterion c : criteria) {
            String path = alias + "." + c.path();
            if (c.joinPath().isPresent()) {
                String j = "j" + (++joinCount);
                joins.add("join " + alias + "." + c.joinPath().get() + " " + j);
                path = j + c.path().substring(c.joinPath().get().length());
            }
            where.add(jpqlCondition(f, c, path, params));
        }
        boolean aggregate = !s.aggregates().isEmpty() || !s.groupBy().isEmpty();
        String select;
        String result;
        if (aggregate) {
            List<String> exprs = new ArrayList<>();
            List<String> components = new ArrayList<>();
            for (String g : s.groupBy()) {
                exprs.add(alias + "." + m.propertyPath(table, g));
                components.add(m.javaType(table, g) + " " + JavaNames.camel(g));
            }
            for (Aggregate a : s.aggregates()) {
                String fn = a.function().name().toLowerCase(Locale.ROOT);
                exprs.add(fn + "(" + a.column().map(c -> alias + "." + m.propertyPath(table, c)).orElse(alias) + ")");
                components.add(aggregateType(table, a) + " " + JavaNames.camel(a.column().map(c -> fn + "_" + c)
                        .orElse(fn)));
            }
            if (exprs.size() == 1 && s.groupBy().isEmpty()) {
                select = exprs.get(0);
                result = f.type(components.get(0).substring(0, components.get(0).indexOf(' ')));
            } else {
                String record = JavaNames.pascal(q.name());
                records.put(record, record(record, components, q));
                select = "new " + m.javaPackage() + "." + record + "(" + String.join(", ", exprs) + ")";
                result = s.groupBy().isEmpty() ? record : f.type("java.util.List") + "<" + record + ">";
            }
        } else {
            select = alias;
            String entity = f.type(m.qualified(table));
            result = q.page().isPresent() || !unique(q) ? f.type("java.util.List") + "<" + entity + ">"
                    : f.type("java.util.Optional") + "<" + entity + ">";
        }
        StringBuilder jpql = new StringBuilder("select " + select + " from " + cls + " " + alias);
        for (String j : joins) {
            jpql.append(" ").append(j);
        }
        if (!where.isEmpty()) {
            jpql.append(" where ").append(String.join(" and ", where));
        }
        if (!s.groupBy().isEmpty()) {
            jpql.append(" group by ").append(String.join(", ", s.groupBy().stream()
                    .map(g -> alias + "." + m.propertyPath(table, g)).toList()));
        }
        if (!s.sort().isEmpty()) {
            jpql.append(" order by ").append(String.join(", ", s.sort().stream().map(sc -> alias + "."
                    + m.propertyPath(table, sc.column()) + (sc.descending() ? " desc" : "")).toList()));
        }
        List<String> decl = new ArrayList<>();
        for (String[] p : params) {
            decl.add(f.ann(SD + "repository.query.Param") + "(" + JavaNames.literal(p[1]) + ") " + p[0] + " " + p[1]);
        }
        if (q.page().isPresent()) {
            decl.add(f.type(SD + "domain.Limit") + " limit");
        }
        f.javadoc("    ", javadoc(q, s));
        f.line("    " + f.ann(JPA + "Meta") + "(comment = " + JavaNames.literal(q.name()) + ")");
        if (!aggregate) {
            entityGraph(f, table, q, s);
        }
        f.line("    " + f.ann(JPA + "Query") + "(\"\"\"");
        for (String line : jpqlLines(jpql.toString())) {
            f.line("            " + line);
        }
        f.line("            \"\"\")");
        f.signature("    ", result + " " + JavaNames.camel(q.name()), decl, ";");
    }

    /** JPQL on lines of its own clause ({@code from}, {@code where}, {@code and}, ...). */
    private static List<String> jpqlLines(String jpql) {
        return List.of(jpql.replace(" from ", "\nfrom ").replace(" join ", "\njoin ").replace(" where ", "\nwhere ")
                .replace(" and ", "\n  and ").replace(" group by ", "\ngroup by ").replace(" order by ", "\norder by ")
                .split("\n"));
    }

    private String jpqlCondition(JavaFile f, Criterion c, String path, List<String[]> params) {
        Condition cond = c.condition();
        List<String> names = c.parameters().stream().map(p -> JavaNames.camel(p.name())).toList();
        String type = propertyType(f, c);
        for (String n : names) {
            params.add(new String[] {cond.op() == Op.IN ? f.type("java.util.Collection") + "<" + type + ">" : type, n});
        }
        List<String> values = cond.constants().isEmpty() ? names.stream().map(n -> ":" + n).toList()
                : cond.constants().stream().map(v -> jpqlConstant(c, v)).toList();
        return switch (cond.op()) {
            case EQ -> cond.caseFolded() ? "lower(" + path + ") = lower(" + values.get(0) + ")"
                    : path + " = " + values.get(0);
            case NE -> path + " <> " + values.get(0);
            case IN -> path + " in " + (cond.constants().isEmpty() ? values.get(0) : "(" + String.join(", ", values) + ")");
            case RANGE -> path + " >= " + values.get(0) + " and " + path + " < " + values.get(1);
            case GT -> path + " > " + values.get(0);
            case GTE -> path + " >= " + values.get(0);
            case LT -> path + " < " + values.get(0);
            case LTE -> path + " <= " + values.get(0);
            case PREFIX -> path + " like " + values.get(0) + " || '%'";
            case IS_NULL -> path + " is null";
            case IS_NOT_NULL -> path + " is not null";
            default -> throw new IllegalStateException("no JPQL for " + cond.op());
        };
    }

    private String jpqlConstant(Criterion c, String value) {
        String type = criterionType(c);
        if (type.equals("Boolean")) {
            return Boolean.parseBoolean(value) ? "true" : "false";
        }
        if (type.startsWith(m.javaPackage() + ".")) {
            return type + "." + value;
        }
        if (type.equals("String") || type.startsWith("java.time")) {
            return "'" + value.replace("'", "''") + "'";
        }
        return value;
    }

    /** The qualified Java type JPQL gives an aggregate: count is Long, avg Double, sum of integers Long. */
    private String aggregateType(String table, Aggregate a) {
        return switch (a.function()) {
            case COUNT -> "Long";
            case AVG -> "Double";
            case SUM -> {
                String t = m.javaType(table, a.column().orElseThrow());
                yield t.equals("Integer") || t.equals("Short") ? "Long" : t;
            }
            default -> m.javaType(table, a.column().orElseThrow());
        };
    }

    /** A record of an aggregate pattern's row; each component is "qualified.Type name". */
    private String record(String name, List<String> components, Query q) {
        JavaFile f = new JavaFile(m.javaPackage());
        List<String> typed = new ArrayList<>();
        for (String c : components) {
            typed.add(f.type(c.substring(0, c.indexOf(' '))) + c.substring(c.indexOf(' ')));
        }
        f.javadoc("", List.of("One row of the access pattern {@code " + q.name() + "}"
                + q.description().map(d -> ": " + d).orElse(".")));
        f.line("public record " + name + "(" + String.join(", ", typed) + ") {");
        f.line("}");
        return f.render();
    }

    // ---- native SQL

    private void nativeMethods(JavaFile f, String table, Query q) {
        PatternShape s = m.design().shapeOf(q.name()).orElseThrow();
        nativeMethod(f, table, q, s, q.firstPage(), JavaNames.camel(q.name()), javadoc(q, s));
        if (q.nextPage().isPresent()) {
            f.blank();
            List<String> doc = javadoc(q, s);
            doc.add("<p>The next keyset page: the rows after the last row of the previous page, whose "
                    + String.join(", ", q.parametersWith(ParameterRole.CURSOR).stream()
                    .map(p -> p.column().orElseThrow()).toList()) + " the {@code after} parameters take.");
            nativeMethod(f, table, q, s, q.nextPage().get(), JavaNames.camel(q.name()) + "After", doc);
        }
    }

    private void nativeMethod(JavaFile f, String table, Query q, PatternShape s, QuerySql sql, String name,
                              List<String> doc) {
        List<String> decl = new ArrayList<>();
        for (String p : new LinkedHashSet<>(sql.parameters())) {
            Parameter param = q.parameter(p).orElseThrow();
            decl.add(f.ann(SD + "repository.query.Param") + "(" + JavaNames.literal(p) + ") " + nativeType(f, param) + " "
                    + JavaNames.camel(p));
        }
        List<String> mapped = m.table(table).columns().stream().filter(c -> !m.omittedColumns(table).contains(c))
                .map(Column::name).toList();
        boolean entityRows = s.fetches().isEmpty() && s.aggregates().isEmpty() && s.groupBy().isEmpty()
                && q.resultColumns().equals(mapped);
        String row = entityRows ? f.type(m.qualified(table)) : "Object[]";
        String result = entityRows && q.page().isEmpty() && unique(q)
                ? f.type("java.util.Optional") + "<" + row + ">" : f.type("java.util.List") + "<" + row + ">";
        doc.add("<p>Native SQL: JPQL has no words for what this pattern asks of PostgreSQL.");
        f.javadoc("    ", doc);
        f.line("    " + f.ann(JPA + "Meta") + "(comment = " + JavaNames.literal(q.name()) + ")");
        f.line("    " + f.ann(JPA + "Query") + "(nativeQuery = true, value = \"\"\"");
        for (String line : sql.sql().split("\n")) {
            f.line("            " + line.replace("\\", "\\\\"));
        }
        f.line("            \"\"\")");
        f.signature("    ", result + " " + name, decl, ";");
    }

    private String nativeType(JavaFile f, Parameter p) {
        if (p.role() == ParameterRole.LIMIT) {
            return "int";
        }
        if (p.role() == ParameterRole.OFFSET) {
            return "long";
        }
        return f.type(JavaTypes.of(p.sqlType()).orElse("String"));
    }

    // ---- shared

    private List<String> javadoc(Query q, PatternShape s) {
        List<String> doc = new ArrayList<>();
        doc.add("Access pattern {@code " + q.name() + "}" + q.description().map(d -> ": " + d).orElse("."));
        StringBuilder usage = new StringBuilder("Runs " + q.frequency());
        q.latencyP95Ms().ifPresent(ms -> usage.append(", p95 target ").append(Rate.formatNumber(ms)).append(" ms"));
        doc.add(usage.append('.').toString());
        PatternAccess a = q.expected().access();
        doc.add("");
        doc.add("<p>Expected plan: " + a.access() + " on {@code " + a.table() + "}"
                + a.index().map(i -> " using {@code " + i + "}").orElse("")
                + (a.sortAvoided() ? ", no sort." : "."));
        return doc;
    }

    private Optional<String> nullableSortNote(String table, PatternShape s) {
        Table t = m.table(table);
        List<String> nullable = s.sort().stream().map(SortColumn::column)
                .filter(c -> t.column(c).map(Column::nullable).orElse(false))
                .filter(c -> s.conditions().stream().noneMatch(x -> x.column().equals(c) && x.op() != Op.IS_NULL))
                .toList();
        if (nullable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("<p>" + String.join(", ", nullable) + " can be NULL, and Spring Data's keyset scrolling"
                + " compares with {@code <} and {@code >}, which skip NULLs: rows without a value are not returned"
                + " after the first page. The SQL query of this pattern handles them.");
    }

    private boolean unique(Query q) {
        PatternAccess a = q.expected().access();
        if (a.index().isEmpty() || a.estimatedRows() > 1) {
            return false;
        }
        String index = a.index().get();
        Table t = m.table(a.table());
        return t.primaryKey().map(pk -> pk.name().equals(index)).orElse(false)
                || t.uniques().stream().anyMatch(u -> u.name().equals(index))
                || t.indexes().stream().anyMatch(i -> i.unique() && i.name().equals(index));
    }

    /** The qualified Java type of the column a criterion tests (a link table's column is not mapped). */
    private String criterionType(Criterion c) {
        String column = c.condition().column();
        return m.isEntity(c.table()) ? m.javaType(c.table(), column)
                : JavaTypes.of(m.table(c.table()).column(column).orElseThrow().type()).orElse("String");
    }

    private String propertyType(JavaFile f, Criterion c) {
        return f.type(criterionType(c));
    }

    private String constant(JavaFile f, Criterion c, String value) {
        String type = criterionType(c);
        if (type.startsWith(m.javaPackage() + ".")) {
            return f.type(type) + "." + value;
        }
        return switch (type) {
            case "String" -> JavaNames.literal(value);
            case "Long" -> value + "L";
            case "Integer", "Short" -> value;
            case "java.math.BigDecimal" -> "new " + f.type(type) + "(" + JavaNames.literal(value) + ")";
            case "java.time.LocalDate", "java.time.OffsetDateTime" -> f.type(type) + ".parse(" + JavaNames.literal(value) + ")";
            default -> JavaNames.literal(value);
        };
    }

    private static String pascalPath(String path) {
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("\\.")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
}
