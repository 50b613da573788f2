package io.accesspath.orm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.design.Design;
import io.accesspath.core.design.Designer;
import io.accesspath.core.query.QueryWriter;
import io.accesspath.core.spec.SpecReader;
import io.accesspath.postgres.PgDialect;
import io.accesspath.postgres.QueryValues;
import io.accesspath.postgres.TestDatabases;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JPA code of the spec that uses every type and relation shape (UUID keys, enum types, arrays,
 * JSON, ranges, points, an optional reference, many-to-many links, nested fetches) compiles and
 * validates against its schema on the embedded PostgreSQL.
 */
class KitchenJpaIT {

    @Test
    void kitchenEntitiesCompileAndValidate(@TempDir Path work) throws Exception {
        String yaml;
        try (InputStream in = QueryValues.class.getResourceAsStream("queries/kitchen.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Design d = new Designer(PgDialect.INSTANCE.designDialect()).design(SpecReader.parse(yaml, "kitchen.yaml"),
                OptionalInt.empty());
        Map<String, String> files = new JpaGenerator(PgDialect.INSTANCE, "com.example.kitchen")
                .generate(d, new QueryWriter(PgDialect.INSTANCE).write(d));
        ClassLoader loader = GeneratedSources.compile(files, work);
        List<Class<?>> entities = files.keySet().stream()
                .map(p -> p.substring(0, p.length() - ".java".length()).replace('/', '.'))
                .<Class<?>>map(n -> load(n, loader)).filter(c -> c.isAnnotationPresent(Entity.class)).toList();
        try (TestDatabases.Scratch scratch = TestDatabases.create(TestDatabases.Target.EMBEDDED, "jpa_kitchen")) {
            scratch.database().apply(PgDialect.INSTANCE.renderDdl(d.schema()), ApplyMode.COMMIT);
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try (EntityManagerFactory emf = new HibernatePersistenceConfiguration("kitchen").managedClasses(entities)
                    .property("hibernate.connection.datasource", GeneratedJpaIT.dataSource(scratch.database()))
                    .property("hibernate.hbm2ddl.auto", "validate")
                    .createEntityManagerFactory()) {
                assertThat(emf.getMetamodel().getEntities()).hasSameSizeAs(entities);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
