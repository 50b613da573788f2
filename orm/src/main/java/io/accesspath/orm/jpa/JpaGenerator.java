package io.accesspath.orm.jpa;

import io.accesspath.core.design.Design;
import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.query.Query;
import io.accesspath.orm.jpa.internal.EntityWriter;
import io.accesspath.orm.jpa.internal.JavaNames;
import io.accesspath.orm.jpa.internal.Mapping;
import io.accesspath.orm.jpa.internal.RepositoryWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes Jakarta Persistence entities (for Hibernate 7) for every table of a design and a Spring
 * Data repository per entity with one method per access pattern. Pure and deterministic: the same
 * design and queries give the same sources.
 *
 * <p>The entities validate against the designed schema ({@code hibernate.hbm2ddl.auto=validate});
 * the repositories use derived queries where Spring Data can say the pattern, JPQL where it cannot,
 * and the query writer's native SQL where JPQL cannot (full-text, containment, geometry).
 */
public final class JpaGenerator {
    private final Dialect dialect;
    private final String javaPackage;

    /**
     * @param javaPackage the package of every generated type
     * @throws IllegalArgumentException when it is not a Java package name
     */
    public JpaGenerator(Dialect dialect, String javaPackage) {
        if (!isPackageName(javaPackage)) {
            throw new IllegalArgumentException("not a Java package name: " + javaPackage);
        }
        this.dialect = dialect;
        this.javaPackage = javaPackage;
    }

    /** Whether a string is a Java package name (dotted identifiers, no keywords). */
    public static boolean isPackageName(String name) {
        return JavaNames.isPackageName(name);
    }

    /** {@code com.example.<spec name>}, the spec name made a Java identifier. */
    public static String defaultPackage(String specName) {
        String part = specName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return "com.example." + (JavaNames.isIdentifier(part) ? part : "x" + part);
    }

    /**
     * The source files, by path relative to a source root ({@code com/example/shop/Order.java}):
     * entities, IdClasses of composite keys, enums, repositories and the records aggregate
     * patterns return.
     */
    public Map<String, String> generate(Design design, List<Query> queries) {
        Mapping mapping = new Mapping(design, javaPackage);
        EntityWriter entities = new EntityWriter(mapping, dialect);
        RepositoryWriter repositories = new RepositoryWriter(mapping);
        String dir = javaPackage.replace('.', '/') + "/";
        Map<String, String> files = new LinkedHashMap<>();
        for (String table : mapping.entityTables()) {
            files.put(dir + mapping.className(table) + ".java", entities.entity(table));
            if (mapping.compositeKey(table)) {
                files.put(dir + mapping.className(table) + "Id.java", entities.idClass(table));
            }
        }
        mapping.enums().forEach((name, en) -> files.put(dir + name + ".java", entities.enumClass(en)));
        for (String table : mapping.entityTables()) {
            List<Query> own = new ArrayList<>(queries.stream().filter(q -> q.table().equals(table)).toList());
            if (!own.isEmpty()) {
                files.put(dir + mapping.className(table) + "Repository.java", repositories.repository(table, own));
            }
        }
        repositories.records().forEach((name, source) -> files.put(dir + name + ".java", source));
        return files;
    }
}
