package io.accesspath.core.design;

import io.accesspath.core.schema.Schema;
import io.accesspath.core.spec.Spec;
import java.util.List;
import java.util.Optional;

/**
 * The designer's output: the schema, every decision behind it, the plan each pattern is
 * expected to get, and the notes on the target version.
 *
 * @param dialect       the dialect id ({@code postgresql})
 * @param minVersion    the lowest major version the schema runs on
 * @param targetVersion the version chosen with {@code --pg-version}, if any
 * @param shapes        every pattern resolved onto the tables, for the query writers
 */
public record Design(Spec spec, String dialect, int minVersion, Optional<Integer> targetVersion, Schema schema,
                     List<Decision> decisions, List<PatternAccess> access, List<PatternShape> shapes,
                     List<VersionNote> versionNotes) {
    public Design {
        decisions = List.copyOf(decisions);
        access = List.copyOf(access);
        shapes = List.copyOf(shapes);
        versionNotes = List.copyOf(versionNotes);
    }

    public Optional<PatternShape> shapeOf(String pattern) {
        return shapes.stream().filter(s -> s.pattern().equals(pattern)).findFirst();
    }

    public List<Decision> decisionsOf(Decision.Kind kind) {
        return decisions.stream().filter(d -> d.kind() == kind).toList();
    }

    public Optional<PatternAccess> accessOf(String pattern) {
        return access.stream().filter(a -> a.pattern().equals(pattern)).findFirst();
    }
}
