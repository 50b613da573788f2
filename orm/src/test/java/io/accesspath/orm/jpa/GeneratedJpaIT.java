package io.accesspath.orm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.db.ApplyMode;
import io.accesspath.core.db.Database;
import io.accesspath.core.query.Parameter;
import io.accesspath.core.query.Query;
import io.accesspath.core.spec.AccessPattern.PageStyle;
import io.accesspath.orm.jpa.internal.JavaNames;
import io.accesspath.postgres.ExampleDesigns;
import io.accesspath.postgres.PgDialect;
import io.accesspath.postgres.QueryValues;
import io.accesspath.postgres.TestDatabases;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.Meta;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;

/**
 * The generated JPA code of every example, compiled, run against its designed schema on the
 * embedded PostgreSQL and on the server: Hibernate boots with {@code hbm2ddl.auto=validate} (every
 * entity matches the schema), the repositories are created without Spring Boot, and every access
 * pattern's method is called with values picked from a few rows and must return what the pattern's
 * SQL query returns: the same rows in the same order.
 */
class GeneratedJpaIT {

    static Stream<Arguments> examplesOnServers() {
        return ExampleDesigns.NAMES.stream().flatMap(n -> Stream.of(TestDatabases.Target.values())
                .map(t -> Arguments.of(n, t)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("examplesOnServers")
    void entitiesValidateAndEveryRepositoryMethodReturnsWhatItsQueryReturns(String name,
            TestDatabases.Target target, @TempDir Path work) throws Exception {
        GeneratedSources g = GeneratedSources.of(name, work);
        try (TestDatabases.Scratch scratch = TestDatabases.create(target, "jpa_" + name)) {
            scratch.database().apply(PgDialect.INSTANCE.renderDdl(g.design().schema()), ApplyMode.COMMIT);
            try (Connection c = scratch.database().open(); Statement st = c.createStatement()) {
                st.execute(fixture(name));
                st.execute("ANALYZE");
                QueryValues values = new QueryValues(c, g.design().schema());
                ClassLoader previous = Thread.currentThread().getContextClassLoader();
                Thread.currentThread().setContextClassLoader(g.loader());
                try (EntityManagerFactory emf = hibernate(g, scratch.database())) {
                    for (Query q : g.queries()) {
                        check(g, emf, values, q);
                    }
                } finally {
                    Thread.currentThread().setContextClassLoader(previous);
                }
            }
        }
    }

    private static EntityManagerFactory hibernate(GeneratedSources g, Database db) {
        List<Class<?>> entities = g.classes(c -> c.isAnnotationPresent(Entity.class));
        assertThat(entities).isNotEmpty();
        return new HibernatePersistenceConfiguration("accesspath-" + g.example())
                .managedClasses(entities)
                .property("hibernate.connection.datasource", dataSource(db))
                .property("hibernate.hbm2ddl.auto", "validate")
                .createEntityManagerFactory();
    }

    private static void check(GeneratedSources g, EntityManagerFactory emf, QueryValues values, Query q)
            throws Exception {
        Map<String, Object> v = values.richest(q);
        long size = q.page().map(p -> (long) p.size()).orElse(QueryValues.ALL);
        List<Map<String, Object>> expected = values.run(q, q.firstPage(), QueryValues.with(v, "limit", size));
        assertThat(expected).as(q.name()).isNotEmpty();
        Class<?> repoType = g.load(JavaNames.pascal(tableClass(g, q)) + "Repository");
        Method method = method(repoType, q);
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            JpaRepositoryFactory factory = new JpaRepositoryFactory(em);
            factory.setBeanClassLoader(g.loader());
            Object repo = factory.getRepository(repoType);
            Object result = method.invoke(repo, arguments(method, q, v));
            List<Object> rows = rows(result);
            assertThat(rows).as("%s returns rows", q.name()).isNotEmpty();
            Object first = rows.get(0);
            if (first.getClass().isAnnotationPresent(Entity.class)) {
                // The key columns the SQL returns (a projection may leave out the tenant column).
                List<String> keyColumns = g.design().schema().table(q.table()).orElseThrow().primaryKey().orElseThrow()
                        .columns();
                List<Integer> returned = new ArrayList<>();
                for (int i = 0; i < keyColumns.size(); i++) {
                    if (expected.get(0).containsKey(keyColumns.get(i))) {
                        returned.add(i);
                    }
                }
                List<List<String>> keys = new ArrayList<>();
                for (Object e : rows) {
                    List<String> key = key(emf.getPersistenceUnitUtil().getIdentifier(e));
                    keys.add(returned.stream().map(key::get).toList());
                }
                List<List<String>> sqlKeys = expected.stream()
                        .map(r -> returned.stream().map(i -> norm(r.get(keyColumns.get(i)))).toList()).toList();
                assertThat(keys).as("%s: the entities the SQL query returns, in its order", q.name())
                        .isEqualTo(sqlKeys);
                touchFetchedRelations(g, q, rows);
            } else {
                List<List<String>> got = rows.stream().map(GeneratedJpaIT::values).toList();
                List<List<String>> want = expected.stream().map(r -> r.values().stream().map(GeneratedJpaIT::norm)
                        .toList()).toList();
                assertThat(got).as("%s: the values the SQL query returns", q.name()).isEqualTo(want);
            }
        } finally {
            em.getTransaction().rollback();
            em.close();
        }
    }

    /** Fetched relations are loaded with the rows: reading them after the query needs no database. */
    private static void touchFetchedRelations(GeneratedSources g, Query q, List<Object> rows) {
        var shape = g.design().shapeOf(q.name()).orElseThrow();
        if (shape.fetches().isEmpty() || q.page().isPresent()) {
            return;
        }
        for (Object row : rows) {
            for (var f : shape.fetches()) {
                if (f.parentPath().isPresent()) {
                    continue;
                }
                Object related = property(row, JavaNames.camel(f.path()));
                assertThat(org.hibernate.Hibernate.isInitialized(related)).as("%s.%s is fetched", q.name(), f.path())
                        .isTrue();
            }
        }
    }

    private static Object property(Object bean, String name) {
        try {
            return bean.getClass().getMethod("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1))
                    .invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tableClass(GeneratedSources g, Query q) {
        return g.design().spec().entities().stream().filter(e -> e.table().equals(q.table())).findFirst()
                .orElseThrow().name();
    }

    /** The pattern's method: the one named after it, else the query method whose {@code @Meta} comment names it. */
    private static Method method(Class<?> repo, Query q) {
        String camel = JavaNames.camel(q.name());
        Optional<Method> named = Arrays.stream(repo.getMethods()).filter(m -> m.getName().equals(camel)).findFirst();
        return named.orElseGet(() -> Arrays.stream(repo.getMethods())
                .filter(m -> m.isAnnotationPresent(Meta.class) && m.getAnnotation(Meta.class).comment().equals(q.name()))
                .findFirst().orElseThrow(() -> new AssertionError("no method for " + q.name() + " in " + repo)));
    }

    private static Object[] arguments(Method m, Query q, Map<String, Object> v) {
        List<Object> args = new ArrayList<>();
        for (java.lang.reflect.Parameter p : m.getParameters()) {
            Class<?> type = p.getType();
            if (type == ScrollPosition.class) {
                boolean offset = q.page().map(x -> x.style() == PageStyle.OFFSET).orElse(false);
                args.add(offset ? ScrollPosition.offset() : ScrollPosition.keyset());
                continue;
            }
            if (type == Limit.class) {
                args.add(Limit.of(q.page().orElseThrow().size()));
                continue;
            }
            Parameter param = q.parameters().stream().filter(x -> JavaNames.camel(x.name()).equals(p.getName()))
                    .findFirst().orElseThrow(() -> new AssertionError(q.name() + ": no parameter for " + p.getName()));
            Object value = v.get(param.name());
            if (param.defaultValue().isPresent()) {
                value = Long.parseLong(param.defaultValue().get());
            }
            if (Collection.class.isAssignableFrom(type)) {
                Class<?> element = (Class<?>) ((ParameterizedType) p.getParameterizedType()).getActualTypeArguments()[0];
                args.add(Arrays.stream((Object[]) value).map(x -> convert(x, element)).toList());
            } else {
                args.add(convert(value, type));
            }
        }
        return args.toArray();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Object value, Class<?> type) {
        if (type.isEnum()) {
            return Enum.valueOf((Class) type, value.toString());
        }
        if ((type == int.class || type == Integer.class) && value instanceof Number n) {
            return n.intValue();
        }
        if ((type == long.class || type == Long.class) && value instanceof Number n) {
            return n.longValue();
        }
        return value;
    }

    private static List<Object> rows(Object result) {
        if (result instanceof Window<?> w) {
            return new ArrayList<>(w.getContent());
        }
        if (result instanceof Optional<?> o) {
            return o.<List<Object>>map(List::of).orElse(List.of());
        }
        if (result instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        return List.of(result);
    }

    /** The values of a result that is not an entity: a record's components, an array, or a scalar. */
    private static List<String> values(Object row) {
        if (row instanceof Record r) {
            return Arrays.stream(r.getClass().getRecordComponents()).map(c -> {
                try {
                    return norm(c.getAccessor().invoke(r));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        if (row instanceof Object[] a) {
            return Arrays.stream(a).map(GeneratedJpaIT::norm).toList();
        }
        return List.of(norm(row));
    }

    private static List<String> key(Object id) {
        return id instanceof Record ? values(id) : List.of(norm(id));
    }

    /** One spelling for the same value from JDBC and from Hibernate. */
    private static String norm(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof java.time.OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (v instanceof Double || v instanceof Float) {
            return new BigDecimal(((Number) v).doubleValue()).setScale(6, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString();
        }
        if (v instanceof BigDecimal b) {
            return b.setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number n) {
            return Long.toString(n.longValue());
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        return v.toString();
    }

    /** A data source handing out the database's own connections. */
    static DataSource dataSource(Database db) {
        return new DataSource() {
            @Override
            public Connection getConnection() {
                return db.open();
            }

            @Override
            public Connection getConnection(String user, String password) {
                return db.open();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) {
                return false;
            }
        };
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = QueryValues.class.getResourceAsStream("queries/" + name + ".sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
