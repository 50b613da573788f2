package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.spec.Attribute;
import io.accesspath.core.spec.Entity;
import io.accesspath.core.spec.KeyStrategy;
import io.accesspath.core.spec.LogicalType;
import io.accesspath.core.spec.Volume;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads entities in two passes: first their attributes (so that relationships can be checked
 * against them), then, once relationships are known, everything that may name a relationship
 * reference (key, unique rules) or another entity (seed knobs such as {@code sum_of}).
 */
final class EntityReader {
    static final List<String> KEY_STRATEGIES = List.of("identity", "uuid", "uuidv7");
    private static final List<String> TEMPORAL = List.of("timestamp", "date");
    private static final List<String> NUMERIC = List.of("integer", "bigint", "decimal", "money");

    private final Values values;
    private final Model model;
    private final Resolver resolver;

    EntityReader(Values values, Model model, Resolver resolver) {
        this.values = values;
        this.model = model;
        this.resolver = resolver;
    }

    /** An entity after the first pass. */
    record Draft(String name, Loc loc, Optional<Fields> fields, List<AttributeReader.Draft> attributes) {}

    /** First pass: the entity's attributes, its table and whether it has a key column; registers it in the model. */
    Draft readAttributes(String name, Loc loc, Node node) {
        String context = "entity '" + name + "'";
        Optional<Fields> maybe = Fields.of(node, context, values);
        Optional<Node> attributesNode = maybe.flatMap(f -> f.get("attributes"));
        Optional<Node.Mapping> attributes = attributesNode.flatMap(n -> values.mapping(n, maybe.get().label("attributes")));
        boolean opaque = maybe.isEmpty() || (attributesNode.isPresent() && attributes.isEmpty());
        Model.EntityInfo info = model.addEntity(name, opaque);
        if (maybe.isEmpty()) {
            return new Draft(name, loc, Optional.empty(), List.of());
        }
        Fields fields = maybe.get();
        fields.allowOnly(SpecKeys.ENTITY);
        String table = fields.name("table", "table name").orElse(name);
        model.claimTable(table, name).ifPresent(other -> values.problems().add(fields.keyLoc("table"),
                "table '" + table + "' of entity '" + name + "' is also the table of entity '" + other + "'"));
        boolean natural = fields.get("key").filter(Node.Sequence.class::isInstance).isPresent();
        if (!natural) {
            info.columns.put(Model.KEY_COLUMN, new Model.Column(Model.KEY_COLUMN, Model.ColumnKind.KEY,
                    Optional.empty(), loc));
        }
        List<AttributeReader.Draft> drafts = new ArrayList<>();
        AttributeReader reader = new AttributeReader(values);
        for (Node.Entry entry : attributes.map(Node.Mapping::entries).orElse(List.of())) {
            values.isValidName(entry.key(), entry.keyLoc(), "attribute name");
            AttributeReader.Draft draft = reader.read(name, entry.key(), entry.keyLoc(), entry.value());
            if (entry.key().equals(Model.KEY_COLUMN) && !natural) {
                values.problems().add(entry.keyLoc(), "attribute 'id' clashes with the key column 'id' of " + context,
                        "rename it, or make it the key with key: [id]");
            } else {
                info.columns.put(entry.key(), new Model.Column(entry.key(), Model.ColumnKind.ATTRIBUTE, draft.type(),
                        entry.keyLoc()));
            }
            drafts.add(draft);
        }
        return new Draft(name, loc, Optional.of(fields), drafts);
    }

    /** Second pass: the rest of the entity, checked against the whole model. */
    Optional<Entity> finish(Draft draft, KeyStrategy defaultKey) {
        if (draft.fields().isEmpty()) {
            return Optional.empty();
        }
        Fields fields = draft.fields().get();
        Model.EntityInfo info = model.entity(draft.name()).orElseThrow();
        KeyStrategy key = fields.get("key").flatMap(n -> key(n, fields, info)).orElse(defaultKey);
        boolean appendOnly = fields.flag("append_only");
        info.appendOnly = appendOnly;
        Optional<String> softDelete = fields.ref("soft_delete")
                .filter(ref -> hasType(info, ref, List.of("timestamp", "boolean"), fields.label("soft_delete")))
                .map(Ref::name);
        Volume volume = fields.fields("volume", "volume of " + fields.context()).map(v -> volume(v, info))
                .orElse(Volume.UNKNOWN);
        List<Entity.UniqueRule> uniques = uniques(fields, info);
        List<Entity.UniqueRule> noOverlap = noOverlap(fields, info);
        for (AttributeReader.Draft attribute : draft.attributes()) {
            String label = "generate of attribute '" + draft.name() + "." + attribute.name() + "'";
            attribute.after().ifPresent(after -> checkAfter(info, attribute, after, label));
            attribute.sumOf().ifPresent(sumOf -> checkSumOf(info, attribute, sumOf, label));
        }
        List<Attribute> attributes = draft.attributes().stream().flatMap(a -> a.attribute().stream()).toList();
        String table = fields.text("table").orElse(draft.name());
        return Optional.of(new Entity(draft.name(), table, fields.text("description"), key, attributes, uniques,
                volume, appendOnly, softDelete, noOverlap, draft.loc()));
    }

    private Optional<KeyStrategy> key(Node node, Fields fields, Model.EntityInfo info) {
        if (node instanceof Node.Sequence) {
            List<String> columns = columnList(node, fields.label("key"), info);
            return columns.isEmpty() ? Optional.empty() : Optional.of(new KeyStrategy.Natural(columns));
        }
        return values.choice(node, fields.label("key"), KEY_STRATEGIES).map(EntityReader::strategy);
    }

    static KeyStrategy strategy(String name) {
        return switch (name) {
            case "uuid" -> new KeyStrategy.Uuid();
            case "uuidv7" -> new KeyStrategy.UuidV7();
            default -> new KeyStrategy.Identity();
        };
    }

    /** A non-empty list of distinct attribute or reference names of the entity. */
    private List<String> columnList(Node node, String label, Model.EntityInfo info) {
        List<Node> items = values.items(node, label);
        if (items.isEmpty() && node instanceof Node.Sequence) {
            values.problems().add(node.loc(), label + " is empty", "list at least one attribute");
        }
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node item : items) {
            Optional<String> name = values.text(item, "each item of " + label);
            if (name.isEmpty()) {
                continue;
            }
            if (!seen.add(name.get())) {
                values.problems().add(item.loc(), "'" + name.get() + "' appears twice in " + label);
            } else if (name.get().equals(Model.KEY_COLUMN) && info.column(Model.KEY_COLUMN).isPresent()) {
                values.problems().add(item.loc(), "the key column 'id' is unique already; " + label
                        + " lists attributes and relationship references");
            } else {
                resolver.column(info, name.get(), item.loc());
            }
            columns.add(name.get());
        }
        return columns;
    }

    private List<Entity.UniqueRule> uniques(Fields fields, Model.EntityInfo info) {
        List<Entity.UniqueRule> rules = new ArrayList<>();
        String label = fields.label("unique");
        for (Node item : fields.items("unique")) {
            if (!(item instanceof Node.Sequence)) {
                values.problems().add(item.loc(), "each item of " + label + " must be a list of attributes, not "
                        + item.kind(), "write [[a, b]] for one rule on a and b together");
                continue;
            }
            List<String> columns = columnList(item, "a rule of " + label, info);
            if (!columns.isEmpty()) {
                rules.add(new Entity.UniqueRule(columns, item.loc()));
            }
        }
        return rules;
    }

    /**
     * Exclusion rules: each a list whose last name is a range or geo_point attribute (compared by
     * overlap) and whose other names are compared by equality.
     */
    private List<Entity.UniqueRule> noOverlap(Fields fields, Model.EntityInfo info) {
        List<Entity.UniqueRule> rules = new ArrayList<>();
        String label = fields.label("no_overlap");
        for (Node item : fields.items("no_overlap")) {
            if (!(item instanceof Node.Sequence)) {
                values.problems().add(item.loc(), "each item of " + label + " must be a list of attributes, not "
                        + item.kind(), "write [[room, during]]: rows with the same room must not overlap in during");
                continue;
            }
            List<String> columns = columnList(item, "a rule of " + label, info);
            if (columns.isEmpty()) {
                continue;
            }
            String last = columns.get(columns.size() - 1);
            Optional<String> type = info.column(last).flatMap(Model.Column::type).map(t -> t.specName());
            if (info.column(last).isPresent() && !type.map(t -> t.equals("range") || t.equals("geo_point")).orElse(false)) {
                values.problems().add(item.loc(), "the last name of a rule of " + label + " must be a range or"
                        + " geo_point attribute; '" + last + "' is " + type.orElse("a reference"),
                        "list the equal parts first and the overlapping range last, e.g. [room, during]");
                continue;
            }
            rules.add(new Entity.UniqueRule(columns, item.loc()));
        }
        return rules;
    }

    private Volume volume(Fields volume, Model.EntityInfo info) {
        volume.allowOnly(SpecKeys.VOLUME);
        OptionalLong rows = volume.count("rows");
        double growthPerDay = volume.rate("growth").flatMap(r -> Quantities.perDay(r.text())).orElse(0.0);
        OptionalLong retention = volume.days("retention");
        Optional<Ref> timeAttribute = volume.ref("time_attribute");
        timeAttribute.ifPresent(ref -> hasType(info, ref, TEMPORAL, volume.label("time_attribute")));
        if (volume.has("retention") && timeAttribute.isEmpty()) {
            volume.problems().add(volume.keyLoc("retention"), volume.label("retention") + " needs 'time_attribute'",
                    "name the timestamp attribute that dates a row");
        }
        return new Volume(rows, growthPerDay, retention, timeAttribute.map(Ref::name));
    }

    /** Whether {@code ref} names an attribute of {@code entity} of one of {@code types}; reports it if not. */
    private boolean hasType(Model.EntityInfo entity, Ref ref, List<String> types, String label) {
        Optional<Model.Column> column = resolver.column(entity, ref);
        if (column.isEmpty()) {
            return false;
        }
        Optional<String> type = column.get().type().map(LogicalType::specName);
        boolean attribute = column.get().kind() == Model.ColumnKind.ATTRIBUTE;
        if (attribute && type.isEmpty()) {
            return false;
        }
        if (!attribute || !types.contains(type.get())) {
            values.problems().add(ref.loc(), label + " must name a " + String.join(" or ", types)
                    + " attribute; '" + ref.name() + "' " + whatIs(column.get()));
            return false;
        }
        return true;
    }

    private void checkAfter(Model.EntityInfo info, AttributeReader.Draft attribute, Ref after, String label) {
        if (attribute.type().isPresent() && !TEMPORAL.contains(attribute.type().get().specName())) {
            values.problems().add(after.loc(), "'after' in " + label + " applies to timestamp and date attributes; '"
                    + info.name + "." + attribute.name() + "' has type " + attribute.type().get().specName());
            return;
        }
        hasType(info, after, TEMPORAL, "'after' in " + label);
    }

    private void checkSumOf(Model.EntityInfo info, AttributeReader.Draft attribute, Ref sumOf, String label) {
        String[] parts = sumOf.name().split("\\.", -1);
        if (parts.length != 2) {
            values.problems().add(sumOf.loc(), "'sum_of' in " + label + " must be 'relationship.attribute', got '"
                    + sumOf.name() + "'", "for example sum_of: lines.amount");
            return;
        }
        if (attribute.type().isPresent() && !NUMERIC.contains(attribute.type().get().specName())) {
            values.problems().add(sumOf.loc(), "'sum_of' in " + label + " applies to number attributes; '"
                    + info.name + "." + attribute.name() + "' has type " + attribute.type().get().specName());
            return;
        }
        Optional<Model.Navigation> navigation = resolver.navigation(info, parts[0], sumOf.loc());
        if (navigation.isPresent() && !navigation.get().toMany()) {
            values.problems().add(sumOf.loc(), "'sum_of' in " + label + " needs a relationship to many rows; '"
                    + parts[0] + "' leads to one " + navigation.get().target());
            return;
        }
        navigation.flatMap(n -> model.entity(n.target())).ifPresent(child ->
                hasType(child, new Ref(parts[1], sumOf.loc()), NUMERIC, "'sum_of' in " + label));
    }

    /** How a column differs from a typed attribute, for messages: "has type text", "is the key column". */
    static String whatIs(Model.Column column) {
        return switch (column.kind()) {
            case ATTRIBUTE -> column.type().map(t -> "has type " + t.specName()).orElse("is an attribute");
            case KEY -> "is the key column";
            case REFERENCE -> "is a relationship reference";
        };
    }
}
