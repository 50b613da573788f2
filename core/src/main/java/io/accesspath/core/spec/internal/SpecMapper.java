package io.accesspath.core.spec.internal;

import io.accesspath.core.spec.AccessPattern;
import io.accesspath.core.spec.Entity;
import io.accesspath.core.spec.Relationship;
import io.accesspath.core.spec.Settings;
import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.WritePattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a located tree into a {@link Spec}, reporting every problem. The order matters:
 * attributes first, then relationships (which add references to entities), then what may name
 * references (keys, unique rules, seed knobs), then the patterns that use all of it.
 */
public final class SpecMapper {
    private final Source source;
    private final Problems problems;
    private final Values values;
    private final Model model = new Model();
    private final Resolver resolver;

    private SpecMapper(Source source, Problems problems) {
        this.source = source;
        this.problems = problems;
        this.values = new Values(problems);
        this.resolver = new Resolver(model, problems);
    }

    /** The spec in {@code root}, if it has no problem; every problem found goes to {@code problems}. */
    public static Optional<Spec> map(Node root, Source source, Problems problems) {
        return new SpecMapper(source, problems).map(root);
    }

    private Optional<Spec> map(Node root) {
        if (!(root instanceof Node.Mapping mapping)) {
            problems.add(root.loc(), "the spec must be a mapping (name, entities, access_patterns, ...), not "
                    + root.kind());
            return Optional.empty();
        }
        Fields spec = new Fields(mapping, "the spec", values);
        spec.allowOnly(SpecKeys.SPEC);
        Optional<String> name = spec.require("name").flatMap(n -> values.name(n, spec.label("name"), "spec name"));
        SettingsReader.Read settings = spec.fields("settings", "settings").map(SettingsReader::read)
                .orElse(new SettingsReader.Read(Settings.DEFAULT, Optional.empty()));

        EntityReader entityReader = new EntityReader(values, model, resolver);
        List<EntityReader.Draft> drafts = new ArrayList<>();
        Optional<Node.Mapping> entities = spec.require("entities").flatMap(n -> values.mapping(n, spec.label("entities")));
        entities.filter(e -> e.entries().isEmpty()).ifPresent(e -> problems.add(e.loc(), spec.label("entities")
                + " is empty", "describe at least one entity"));
        for (Node.Entry entry : entities.map(Node.Mapping::entries).orElse(List.of())) {
            values.isValidName(entry.key(), entry.keyLoc(), "entity name");
            drafts.add(entityReader.readAttributes(entry.key(), entry.keyLoc(), entry.value()));
        }

        RelationshipReader relationshipReader = new RelationshipReader(values, model, resolver);
        List<Relationship> relationships = new ArrayList<>();
        List<Node> relationshipNodes = spec.items("relationships");
        for (int i = 0; i < relationshipNodes.size(); i++) {
            relationshipReader.read(relationshipNodes.get(i), i + 1).ifPresent(relationships::add);
        }

        List<Entity> entityList = new ArrayList<>();
        for (EntityReader.Draft draft : drafts) {
            entityReader.finish(draft, settings.settings().defaultKey()).ifPresent(entityList::add);
        }
        settings.tenant().ifPresent(tenant -> resolver.entity(tenant, "settings"));

        List<AccessPattern> patterns = readPatterns(spec);
        WritePatternReader writeReader = new WritePatternReader(values, resolver);
        List<WritePattern> writes = new ArrayList<>();
        List<Node> writeNodes = spec.items("write_patterns");
        for (int i = 0; i < writeNodes.size(); i++) {
            writeReader.read(writeNodes.get(i), i + 1).ifPresent(writes::add);
        }
        if (!problems.isEmpty() || name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Spec(name.get(), spec.text("description"), source.file(), settings.settings(),
                entityList, relationships, patterns, writes));
    }

    private List<AccessPattern> readPatterns(Fields spec) {
        PatternReader reader = new PatternReader(values, resolver, source);
        Optional<Node> node = spec.require("access_patterns");
        List<Node> items = node.map(n -> values.items(n, spec.label("access_patterns"))).orElse(List.of());
        if (node.isPresent() && node.get() instanceof Node.Sequence && items.isEmpty()) {
            problems.add(node.get().loc(), spec.label("access_patterns") + " is empty",
                    "describe at least one way the application reads: every index is justified by one");
        }
        List<AccessPattern> patterns = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            reader.read(items.get(i), i + 1).ifPresent(patterns::add);
        }
        return patterns;
    }
}
