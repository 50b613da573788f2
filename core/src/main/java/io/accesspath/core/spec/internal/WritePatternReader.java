package io.accesspath.core.spec.internal;

import io.accesspath.core.spec.Rate;
import io.accesspath.core.spec.WritePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads write patterns: inserts, updates (of some attributes) and deletes of one entity. */
final class WritePatternReader {
    private final Values values;
    private final Resolver resolver;

    WritePatternReader(Values values, Resolver resolver) {
        this.values = values;
        this.resolver = resolver;
    }

    /** Reads the {@code index}th (1-based) write pattern. */
    Optional<WritePattern> read(Node node, int index) {
        Optional<Node.Mapping> mapping = values.mapping(node, "write pattern #" + index);
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        String context = mapping.get().get("entity").filter(n -> n instanceof Node.Scalar s && !s.isNull())
                .map(n -> "write pattern on '" + ((Node.Scalar) n).text() + "'").orElse("write pattern #" + index);
        Fields fields = new Fields(mapping.get(), context, values);
        fields.allowOnly(SpecKeys.WRITE_PATTERN);
        Optional<Model.EntityInfo> entity = fields.require("entity")
                .flatMap(n -> values.text(n, fields.label("entity")).map(t -> new Ref(t, n.loc())))
                .flatMap(ref -> resolver.entity(ref, context));
        Rate inserts = fields.rate("inserts").orElse(Rate.ZERO);
        Rate deletes = fields.rate("deletes").orElse(Rate.ZERO);
        List<WritePattern.Update> updates = new ArrayList<>();
        for (Node item : fields.items("updates")) {
            Fields.of(item, "an update of " + context, values).flatMap(update -> update(update, entity))
                    .ifPresent(updates::add);
        }
        if (entity.isPresent() && entity.get().appendOnly && !updates.isEmpty()) {
            values.problems().add(fields.keyLoc("updates"), "entity '" + entity.get().name
                    + "' is append_only, but " + context + " updates it",
                    "remove the updates, or set append_only: false");
        }
        return entity.map(e -> new WritePattern(e.name, inserts, updates, deletes, fields.loc()));
    }

    private Optional<WritePattern.Update> update(Fields update, Optional<Model.EntityInfo> entity) {
        update.allowOnly(SpecKeys.UPDATE);
        Optional<Rate> rate = update.requireRate("rate");
        List<String> attributes = new ArrayList<>();
        Optional<Node> list = update.require("attributes");
        for (Node item : list.map(n -> values.items(n, update.label("attributes"))).orElse(List.of())) {
            values.text(item, "each item of " + update.label("attributes")).ifPresent(name -> {
                entity.ifPresent(e -> resolver.column(e, name, item.loc()));
                attributes.add(name);
            });
        }
        if (list.isPresent() && list.get() instanceof Node.Sequence && attributes.isEmpty()) {
            values.problems().add(list.get().loc(), update.label("attributes") + " is empty",
                    "list the attributes the update changes");
        }
        return rate.map(r -> new WritePattern.Update(r, attributes, update.loc()));
    }
}
