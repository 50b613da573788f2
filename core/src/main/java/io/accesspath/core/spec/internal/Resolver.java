package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves names written in the spec (entities, columns, relationships, dotted paths) against
 * the {@link Model}, reporting each unknown name once with a did-you-mean hint.
 */
final class Resolver {
    private final Model model;
    private final Problems problems;

    Resolver(Model model, Problems problems) {
        this.model = model;
        this.problems = problems;
    }

    Model model() {
        return model;
    }

    /** The entity named by {@code ref}, reporting {@code unknown entity 'x' in CONTEXT}. */
    Optional<Model.EntityInfo> entity(Ref ref, String context) {
        Optional<Model.EntityInfo> entity = model.entity(ref.name());
        if (entity.isEmpty()) {
            problems.add(ref.loc(), "unknown entity '" + ref.name() + "' in " + context,
                    Suggestions.didYouMean(ref.name(), model.entityNames())
                            .orElse("entities: " + String.join(", ", model.entityNames())));
        }
        return entity;
    }

    /**
     * A column of {@code entity}: its key column, an attribute or a relationship reference. The
     * hint for an unknown one also looks past an {@code _id} suffix ({@code custmer_id}: did you
     * mean {@code customer}?).
     */
    Optional<Model.Column> column(Model.EntityInfo entity, String name, Loc loc) {
        Optional<Model.Column> column = entity.column(name);
        if (column.isEmpty() && !entity.opaque) {
            List<String> names = Model.columnNames(entity);
            problems.add(loc, "unknown attribute '" + name + "' on entity '" + entity.name + "'",
                    Suggestions.didYouMean(name, names)
                            .or(() -> Suggestions.didYouMean(name.replaceFirst("_id$", ""), names))
                            .orElse("entity '" + entity.name + "' has " + String.join(", ", names)));
        }
        return column;
    }

    Optional<Model.Column> column(Model.EntityInfo entity, Ref ref) {
        return column(entity, ref.name(), ref.loc());
    }

    /** A relationship walked from {@code entity}. */
    Optional<Model.Navigation> navigation(Model.EntityInfo entity, String name, Loc loc) {
        Optional<Model.Navigation> navigation = entity.navigation(name);
        if (navigation.isEmpty() && !entity.opaque) {
            List<String> names = new ArrayList<>(entity.navigations.keySet());
            problems.add(loc, "unknown relationship '" + name + "' on entity '" + entity.name + "'",
                    Suggestions.didYouMean(name, names).orElse(names.isEmpty()
                            ? "entity '" + entity.name + "' has no relationships"
                            : "entity '" + entity.name + "' has " + String.join(", ", names)));
        }
        return navigation;
    }

    /** A column reached through a dotted path ({@code customer.country}), or a plain column. */
    record Target(Model.EntityInfo entity, Model.Column column) {}

    Optional<Target> path(Model.EntityInfo start, Ref ref) {
        String[] parts = ref.name().split("\\.", -1);
        Optional<Model.EntityInfo> at = Optional.of(start);
        for (int i = 0; i < parts.length - 1 && at.isPresent(); i++) {
            at = navigation(at.get(), parts[i], ref.loc()).flatMap(n -> model.entity(n.target()));
        }
        String last = parts[parts.length - 1];
        return at.flatMap(entity -> column(entity, last, ref.loc()).map(c -> new Target(entity, c)));
    }

    /** The relationships walked by a dotted fetch path ({@code lines.product}). */
    Optional<List<Model.Navigation>> navigations(Model.EntityInfo start, Ref ref) {
        List<Model.Navigation> walked = new ArrayList<>();
        Optional<Model.EntityInfo> at = Optional.of(start);
        for (String part : ref.name().split("\\.", -1)) {
            if (at.isEmpty()) {
                return Optional.empty();
            }
            Optional<Model.Navigation> navigation = navigation(at.get(), part, ref.loc());
            navigation.ifPresent(walked::add);
            at = navigation.flatMap(n -> model.entity(n.target()));
            if (navigation.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(walked);
    }
}
