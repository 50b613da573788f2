package io.accesspath.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schema model as JSON (the {@code schema} part of design.json), and back. Keys appear in a
 * fixed order; absent optional values are omitted.
 */
public final class SchemaJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaJson() {
    }

    public static ObjectNode write(Schema schema) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode ext = root.putArray("extensions");
        schema.extensions().forEach(ext::add);
        ArrayNode enums = root.putArray("enumTypes");
        for (EnumType e : schema.enumTypes()) {
            ObjectNode n = enums.addObject();
            n.put("name", e.name());
            ArrayNode values = n.putArray("values");
            e.values().forEach(values::add);
        }
        ArrayNode tables = root.putArray("tables");
        for (Table t : schema.tables()) {
            tables.add(table(t));
        }
        return root;
    }

    private static ObjectNode table(Table t) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", t.name());
        t.comment().ifPresent(c -> n.put("comment", c));
        ArrayNode cols = n.putArray("columns");
        for (Column c : t.columns()) {
            ObjectNode cn = cols.addObject();
            cn.put("name", c.name());
            cn.put("type", c.type());
            cn.put("nullable", c.nullable());
            c.defaultExpression().ifPresent(d -> cn.put("default", d));
            c.identity().ifPresent(i -> cn.put("identity", i == Column.Identity.ALWAYS ? "always" : "by default"));
            c.generated().ifPresent(g -> cn.put("generated", g));
            c.comment().ifPresent(x -> cn.put("comment", x));
        }
        t.primaryKey().ifPresent(pk -> {
            ObjectNode p = n.putObject("primaryKey");
            p.put("name", pk.name());
            strings(p.putArray("columns"), pk.columns());
        });
        ArrayNode uniques = n.putArray("uniques");
        for (UniqueConstraint u : t.uniques()) {
            ObjectNode un = uniques.addObject();
            un.put("name", u.name());
            strings(un.putArray("columns"), u.columns());
            if (u.nullsNotDistinct()) {
                un.put("nullsNotDistinct", true);
            }
        }
        ArrayNode checks = n.putArray("checks");
        for (CheckConstraint c : t.checks()) {
            ObjectNode cn = checks.addObject();
            cn.put("name", c.name());
            cn.put("expression", c.expression());
        }
        ArrayNode fks = n.putArray("foreignKeys");
        for (ForeignKey fk : t.foreignKeys()) {
            ObjectNode f = fks.addObject();
            f.put("name", fk.name());
            strings(f.putArray("columns"), fk.columns());
            ObjectNode ref = f.putObject("references");
            ref.put("table", fk.referencedTable());
            strings(ref.putArray("columns"), fk.referencedColumns());
            f.put("onDelete", fk.onDelete().sql());
            f.put("onUpdate", fk.onUpdate().sql());
            if (!fk.setNullColumns().isEmpty()) {
                strings(f.putArray("setNullColumns"), fk.setNullColumns());
            }
        }
        ArrayNode ex = n.putArray("exclusions");
        for (ExclusionConstraint e : t.exclusions()) {
            ObjectNode en = ex.addObject();
            en.put("name", e.name());
            en.put("method", e.method());
            ArrayNode els = en.putArray("elements");
            for (ExclusionConstraint.Element el : e.elements()) {
                ObjectNode o = els.addObject();
                o.put("column", el.column());
                o.put("operator", el.operator());
            }
        }
        ArrayNode idx = n.putArray("indexes");
        for (Index i : t.indexes()) {
            idx.add(index(i));
        }
        if (!t.options().isEmpty()) {
            ObjectNode options = n.putObject("options");
            t.options().forEach(options::put);
        }
        if (!t.rows().isEmpty()) {
            ArrayNode rows = n.putArray("rows");
            for (List<String> row : t.rows()) {
                strings(rows.addArray(), row);
            }
        }
        return n;
    }

    public static ObjectNode index(Index i) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", i.name());
        n.put("table", i.table());
        n.put("method", i.method().sql());
        n.put("unique", i.unique());
        ArrayNode keys = n.putArray("keys");
        for (Index.Key k : i.keys()) {
            ObjectNode kn = keys.addObject();
            kn.put(k.expression() ? "expression" : "column", k.column());
            kn.put("descending", k.descending());
            k.opclass().ifPresent(o -> kn.put("opclass", o));
        }
        strings(n.putArray("include"), i.include());
        i.predicate().ifPresent(p -> n.put("where", p));
        return n;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    /** Reads the JSON written by {@link #write(Schema)}. */
    public static Schema read(JsonNode root) {
        List<String> extensions = texts(root.path("extensions"));
        List<EnumType> enums = new ArrayList<>();
        for (JsonNode e : root.path("enumTypes")) {
            enums.add(new EnumType(e.path("name").asText(), texts(e.path("values"))));
        }
        List<Table> tables = new ArrayList<>();
        for (JsonNode t : root.path("tables")) {
            tables.add(readTable(t));
        }
        return new Schema(extensions, enums, tables);
    }

    private static Table readTable(JsonNode t) {
        List<Column> cols = new ArrayList<>();
        for (JsonNode c : t.path("columns")) {
            Optional<Column.Identity> identity = opt(c, "identity")
                    .map(s -> s.equals("always") ? Column.Identity.ALWAYS : Column.Identity.BY_DEFAULT);
            cols.add(new Column(c.path("name").asText(), c.path("type").asText(), c.path("nullable").asBoolean(),
                    opt(c, "default"), identity, opt(c, "generated"), opt(c, "comment")));
        }
        Optional<PrimaryKey> pk = t.has("primaryKey")
                ? Optional.of(new PrimaryKey(t.path("primaryKey").path("name").asText(),
                texts(t.path("primaryKey").path("columns"))))
                : Optional.empty();
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (JsonNode u : t.path("uniques")) {
            uniques.add(new UniqueConstraint(u.path("name").asText(), texts(u.path("columns")),
                    u.path("nullsNotDistinct").asBoolean(false)));
        }
        List<CheckConstraint> checks = new ArrayList<>();
        for (JsonNode c : t.path("checks")) {
            checks.add(new CheckConstraint(c.path("name").asText(), c.path("expression").asText()));
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (JsonNode f : t.path("foreignKeys")) {
            fks.add(new ForeignKey(f.path("name").asText(), texts(f.path("columns")),
                    f.path("references").path("table").asText(), texts(f.path("references").path("columns")),
                    action(f.path("onDelete").asText()), action(f.path("onUpdate").asText()),
                    texts(f.path("setNullColumns"))));
        }
        List<ExclusionConstraint> exclusions = new ArrayList<>();
        for (JsonNode e : t.path("exclusions")) {
            List<ExclusionConstraint.Element> els = new ArrayList<>();
            for (JsonNode el : e.path("elements")) {
                els.add(new ExclusionConstraint.Element(el.path("column").asText(), el.path("operator").asText()));
            }
            exclusions.add(new ExclusionConstraint(e.path("name").asText(), e.path("method").asText(), els));
        }
        List<Index> indexes = new ArrayList<>();
        for (JsonNode i : t.path("indexes")) {
            indexes.add(readIndex(i));
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode r : t.path("rows")) {
            rows.add(texts(r));
        }
        java.util.Map<String, String> options = new java.util.TreeMap<>();
        t.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        return new Table(t.path("name").asText(), cols, pk, uniques, checks, fks, exclusions, indexes, opt(t, "comment"),
                rows, options);
    }

    public static Index readIndex(JsonNode i) {
        List<Index.Key> keys = new ArrayList<>();
        for (JsonNode k : i.path("keys")) {
            boolean expr = k.has("expression");
            keys.add(new Index.Key(expr ? k.path("expression").asText() : k.path("column").asText(), expr,
                    k.path("descending").asBoolean(), opt(k, "opclass")));
        }
        Index.Method method = Index.Method.valueOf(i.path("method").asText("btree").toUpperCase(java.util.Locale.ROOT));
        return new Index(i.path("name").asText(), i.path("table").asText(), method, keys, texts(i.path("include")),
                opt(i, "where"), i.path("unique").asBoolean());
    }

    private static ForeignKey.Action action(String sql) {
        for (ForeignKey.Action a : ForeignKey.Action.values()) {
            if (a.sql().equals(sql)) {
                return a;
            }
        }
        return ForeignKey.Action.NO_ACTION;
    }

    private static Optional<String> opt(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.asText());
        }
        return out;
    }
}
