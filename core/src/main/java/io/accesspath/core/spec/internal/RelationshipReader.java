package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.spec.Attribute;
import io.accesspath.core.spec.Relationship;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads relationships, normalizing each so that {@code child} holds the reference (a
 * one-to-many written from the parent becomes a many-to-one), filling in the defaults, and
 * registering the references and navigations it adds to the model.
 */
final class RelationshipReader {
    static final List<String> KINDS = List.of("many-to-one", "one-to-many", "one-to-one", "many-to-many");
    static final List<String> ON_DELETE = List.of("cascade", "restrict", "set_null", "no_action");

    private final Values values;
    private final Model model;
    private final Resolver resolver;

    RelationshipReader(Values values, Model model, Resolver resolver) {
        this.values = values;
        this.model = model;
        this.resolver = resolver;
    }

    /** Reads the {@code index}th (1-based) relationship. */
    Optional<Relationship> read(Node node, int index) {
        Optional<Node.Mapping> mapping = values.mapping(node, "relationship #" + index);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = new Fields(mapping.get(), label(mapping.get(), index), values);
        fields.allowOnly(SpecKeys.RELATIONSHIP);
        String kindName = fields.choice("kind", KINDS).orElse("many-to-one");
        boolean oneToMany = kindName.equals("one-to-many");
        boolean manyToMany = kindName.equals("many-to-many");
        Optional<Ref> from = fields.require("from").flatMap(n -> values.text(n, fields.label("from")).map(t -> new Ref(t, n.loc())));
        Optional<Ref> to = fields.require("to").flatMap(n -> values.text(n, fields.label("to")).map(t -> new Ref(t, n.loc())));
        Optional<Model.EntityInfo> fromEntity = from.flatMap(r -> resolver.entity(r, fields.context()));
        Optional<Model.EntityInfo> toEntity = to.flatMap(r -> resolver.entity(r, fields.context()));
        Optional<Model.EntityInfo> child = oneToMany ? toEntity : fromEntity;
        Optional<Model.EntityInfo> parent = oneToMany ? fromEntity : toEntity;
        Optional<String> explicitAs = fields.name("as", "reference name");
        Optional<String> inverse = fields.name("inverse", "inverse name");
        boolean selfReference = from.isPresent() && to.isPresent() && from.get().name().equals(to.get().name());
        if (selfReference && !fields.has("as")) {
            values.problems().add(fields.loc(), "self-reference on entity '" + from.get().name() + "' needs 'as'",
                    "name the reference, e.g. as: parent or as: manager");
        }
        Optional<String> through = manyToMany ? fields.name("through", "junction table name") : Optional.empty();
        onlyFor(fields, "through", manyToMany, "many-to-many relationships");
        onlyFor(fields, "attributes", manyToMany, "many-to-many relationships");
        onlyFor(fields, "max_depth", selfReference, "self-references");
        boolean required = fields.flag("required");
        Optional<String> onDelete = fields.choice("on_delete", ON_DELETE);
        if (required && onDelete.filter("set_null"::equals).isPresent()) {
            values.problems().add(fields.get("on_delete").orElseThrow().loc(),
                    "on_delete set_null contradicts required: true in " + fields.context());
        }
        Relationship.Fanout fanout = fields.fields("children", "children of " + fields.context()).map(this::fanout)
                .orElse(Relationship.Fanout.UNKNOWN);
        OptionalInt maxDepth = selfReference ? fields.wholeNumber("max_depth", 1) : OptionalInt.empty();
        if (child.isEmpty() || parent.isEmpty() || (selfReference && explicitAs.isEmpty())) {
            return Optional.empty();
        }
        String as = explicitAs.orElse(parent.get().name);
        Loc asLoc = fields.get("as").map(Node::loc).orElse(fields.loc());
        String junction = through.orElse(from.get().name() + "_" + to.get().name());
        if (manyToMany && through.isEmpty() && !Names.isValid(junction)) {
            values.problems().add(fields.loc(), "the default junction table name '" + junction + "' of "
                    + fields.context() + " is longer than " + Names.MAX_LENGTH + " characters",
                    "name it with 'through'");
        }
        List<Attribute> linkAttributes = manyToMany ? linkAttributes(fields, junction) : List.of();
        register(child.get(), parent.get(), as, asLoc, inverse, fields, manyToMany, kindName.equals("one-to-one"));
        if (manyToMany) {
            model.claimTable(junction, "relationship '" + junction + "'").ifPresent(owner -> values.problems().add(
                    fields.get("through").map(Node::loc).orElse(fields.loc()), "junction table '" + junction
                            + "' of " + fields.context() + " is also the table of " + describeOwner(owner)));
        }
        Relationship.Kind kind = manyToMany ? Relationship.Kind.MANY_TO_MANY
                : kindName.equals("one-to-one") ? Relationship.Kind.ONE_TO_ONE : Relationship.Kind.MANY_TO_ONE;
        String name = manyToMany ? junction : child.get().name + "." + as;
        return Optional.of(new Relationship(name, kind, child.get().name, parent.get().name, as, inverse, required,
                fields.flag("owned"), fanout, manyToMany ? Optional.of(junction) : Optional.empty(), linkAttributes,
                maxDepth, onDelete, fields.loc()));
    }

    /** The relationship's name for messages, from what is written before anything is checked. */
    private static String label(Node.Mapping mapping, int index) {
        Optional<String> from = peek(mapping, "from");
        Optional<String> to = peek(mapping, "to");
        Optional<String> kind = peek(mapping, "kind");
        if (from.isEmpty() || to.isEmpty()) {
            return "relationship #" + index;
        }
        if (kind.filter("many-to-many"::equals).isPresent()) {
            return "relationship '" + peek(mapping, "through").orElse(from.get() + "_" + to.get()) + "'";
        }
        boolean oneToMany = kind.filter("one-to-many"::equals).isPresent();
        String child = oneToMany ? to.get() : from.get();
        String parent = oneToMany ? from.get() : to.get();
        return "relationship '" + child + "." + peek(mapping, "as").orElse(parent) + "'";
    }

    private static Optional<String> peek(Node.Mapping mapping, String key) {
        return mapping.get(key).filter(n -> n instanceof Node.Scalar s && !s.isNull()).map(n -> ((Node.Scalar) n).text());
    }

    private static String describeOwner(String owner) {
        return owner.startsWith("relationship ") ? owner : "entity '" + owner + "'";
    }

    private void onlyFor(Fields fields, String key, boolean applies, String what) {
        if (fields.has(key) && !applies) {
            values.problems().add(fields.keyLoc(key), "'" + key + "' in " + fields.context() + " applies to " + what
                    + " only");
        }
    }

    /** Adds the reference (or link) and the inverse to the model, reporting names already in use. */
    private void register(Model.EntityInfo child, Model.EntityInfo parent, String as, Loc asLoc,
                          Optional<String> inverse, Fields fields, boolean manyToMany, boolean oneToOne) {
        Optional<Model.Use> used = child.useOf(as);
        if (used.isPresent()) {
            values.problems().add(asLoc, "relationship reference '" + as + "' of " + fields.context()
                    + " clashes with " + used.get().what() + " of entity '" + child.name + "'",
                    used.get().hint("name the reference with 'as'"));
        } else {
            if (!manyToMany) {
                child.columns.put(as, new Model.Column(as, Model.ColumnKind.REFERENCE, Optional.empty(), asLoc));
            }
            child.navigations.put(as, new Model.Navigation(as, parent.name, manyToMany,
                    manyToMany ? Optional.empty() : Optional.of(as), child.name, asLoc));
        }
        if (inverse.isEmpty()) {
            return;
        }
        Loc inverseLoc = fields.get("inverse").orElseThrow().loc();
        Optional<Model.Use> inverseUsed = parent.useOf(inverse.get());
        if (inverseUsed.isPresent()) {
            values.problems().add(inverseLoc, "inverse '" + inverse.get() + "' of " + fields.context()
                    + " clashes with " + inverseUsed.get().what() + " of entity '" + parent.name + "'",
                    inverseUsed.get().hint("choose another name"));
            return;
        }
        parent.navigations.put(inverse.get(), new Model.Navigation(inverse.get(), child.name, !oneToOne,
                manyToMany ? Optional.empty() : Optional.of(as), child.name, inverseLoc));
    }

    private Relationship.Fanout fanout(Fields children) {
        children.allowOnly(SpecKeys.CHILDREN);
        Optional<BigDecimal> avg = children.amount("avg");
        OptionalLong max = children.count("max");
        if (avg.isPresent() && max.isPresent() && avg.get().compareTo(BigDecimal.valueOf(max.getAsLong())) > 0) {
            values.problems().add(children.get("avg").orElseThrow().loc(), "avg " + avg.get().stripTrailingZeros()
                    .toPlainString() + " is greater than max " + max.getAsLong() + " in " + children.context());
        }
        Relationship.Skew skew = children.get("skew").flatMap(n -> values.text(n, children.label("skew")).flatMap(t -> {
            Optional<Relationship.Skew> parsed = Quantities.skew(t);
            if (parsed.isEmpty()) {
                values.problems().add(n.loc(), "invalid skew '" + t + "' for " + children.label("skew"),
                        Quantities.SKEW_HELP);
            }
            return parsed;
        })).orElse(Relationship.Skew.UNIFORM);
        return new Relationship.Fanout(avg.map(BigDecimal::doubleValue), max, skew);
    }

    private List<Attribute> linkAttributes(Fields fields, String junction) {
        List<Attribute> attributes = new ArrayList<>();
        AttributeReader reader = new AttributeReader(values);
        Optional<Node.Mapping> mapping = fields.get("attributes").flatMap(n -> values.mapping(n, fields.label("attributes")));
        for (Node.Entry entry : mapping.map(Node.Mapping::entries).orElse(List.of())) {
            values.isValidName(entry.key(), entry.keyLoc(), "attribute name");
            AttributeReader.Draft draft = reader.read(junction, entry.key(), entry.keyLoc(), entry.value());
            draft.after().or(draft::sumOf).ifPresent(ref -> values.problems().add(ref.loc(),
                    "'after' and 'sum_of' are not supported on the attributes of a many-to-many link"));
            draft.attribute().ifPresent(attributes::add);
        }
        return attributes;
    }
}
