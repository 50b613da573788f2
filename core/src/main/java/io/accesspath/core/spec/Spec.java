package io.accesspath.core.spec;

import java.util.List;
import java.util.Optional;

/**
 * What the user said: entities, relationships, volumes and, above all, access patterns. Built
 * by {@link SpecReader} from YAML or JSON; every element carries its location in the file.
 */
public record Spec(String name, Optional<String> description, String file, Settings settings, List<Entity> entities,
                   List<Relationship> relationships, List<AccessPattern> accessPatterns,
                   List<WritePattern> writePatterns) {

    public Spec {
        entities = List.copyOf(entities);
        relationships = List.copyOf(relationships);
        accessPatterns = List.copyOf(accessPatterns);
        writePatterns = List.copyOf(writePatterns);
    }

    public Optional<Entity> entity(String entityName) {
        return entities.stream().filter(e -> e.name().equals(entityName)).findFirst();
    }

    public Entity requireEntity(String entityName) {
        return entity(entityName).orElseThrow(() -> new IllegalArgumentException("no entity " + entityName));
    }

    /** The many-to-one and one-to-one relationships whose reference lives on {@code entityName}. */
    public List<Relationship> referencesFrom(String entityName) {
        return relationships.stream().filter(r -> !r.isManyToMany() && r.child().equals(entityName)).toList();
    }

    /** The many-to-one and one-to-one relationships that point at {@code entityName}. */
    public List<Relationship> referencesTo(String entityName) {
        return relationships.stream().filter(r -> !r.isManyToMany() && r.parent().equals(entityName)).toList();
    }

    /** The write patterns of one entity (usually zero or one). */
    public List<WritePattern> writesOf(String entityName) {
        return writePatterns.stream().filter(w -> w.entity().equals(entityName)).toList();
    }

    public List<AccessPattern> patternsOn(String entityName) {
        return accessPatterns.stream().filter(p -> p.entity().equals(entityName)).toList();
    }

    /** Reads per second over writes per second across the whole spec (infinite when nothing writes). */
    public double readWriteRatio() {
        double reads = accessPatterns.stream().mapToDouble(p -> p.frequency().perSecond()).sum();
        double writes = writePatterns.stream().mapToDouble(WritePattern::writesPerSecond).sum();
        return writes == 0 ? Double.POSITIVE_INFINITY : reads / writes;
    }
}
