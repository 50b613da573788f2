package io.accesspath.orm.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accesspath.core.design.Design;
import io.accesspath.core.query.QueryWriter;
import io.accesspath.postgres.ExampleDesigns;
import io.accesspath.postgres.PgDialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JPA sources of every example match the golden copies in examples/expected/NAME/jpa/ verbatim
 * (rewrite them with {@code -Dgolden.update=true} and review the diff), and the choices the
 * generator makes, pattern by pattern.
 */
class JpaGeneratorTest {

    static Stream<String> examples() {
        return ExampleDesigns.NAMES.stream();
    }

    static Map<String, String> generate(String example) {
        Design d = ExampleDesigns.design(example);
        return new JpaGenerator(PgDialect.INSTANCE, JpaGenerator.defaultPackage(d.spec().name()))
                .generate(d, new QueryWriter(PgDialect.INSTANCE).write(d));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void sourcesMatchTheGoldenCopies(String name) throws IOException {
        Map<String, String> files = generate(name);
        Path dir = ExampleDesigns.ROOT.resolve("examples/expected").resolve(name).resolve("jpa");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path golden = dir.resolve(f.getKey());
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, f.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(golden).as("golden file %s (rewrite with -Dgolden.update=true)", golden).exists();
            assertThat(f.getValue()).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
        try (Stream<Path> present = Files.walk(dir)) {
            assertThat(present.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
                    .as("no stale golden files").containsExactlyInAnyOrderElementsOf(files.keySet());
        }
    }

    @Test
    void derivedQueriesPageWithWindowsAndSupplyConstantsInAMethodNamedAfterThePattern() {
        String orders = generate("shop").get("com/example/shop/OrderRepository.java");
        assertThat(orders).contains("Window<Order> findFirst20ByCustomerIdOrderByPlacedAtDescIdDesc(Long customerId,"
                        + " ScrollPosition position);")
                .contains("default Window<Order> fulfilmentQueue(ScrollPosition position) {")
                .contains("return findFirst100ByStatusOrderByPlacedAtAscIdAsc(OrderStatus.paid, position);");
    }

    @Test
    void anEntityGraphNeverShadowsACrudMethod() {
        String orders = generate("shop").get("com/example/shop/OrderRepository.java");
        assertThat(orders).contains("@EntityGraph(attributePaths = {\"customer\", \"lines\", \"lines.product\"})\n"
                + "    Optional<Order> findWithCustomerAndLinesById(Long id);").doesNotContain("findById(");
    }

    @Test
    void whatJpqlCannotSayIsTheSqlWritersNativeQuery() {
        String products = generate("shop").get("com/example/shop/ProductRepository.java");
        assertThat(products).contains("@Query(nativeQuery = true, value = \"\"\"")
                .contains("WHERE search_vector @@ websearch_to_tsquery('english', :description_terms)")
                .contains("List<Product> productSearch(");
        String customers = generate("shop").get("com/example/shop/CustomerRepository.java");
        assertThat(customers).contains("where lower(c.email) = lower(:email)");
    }

    @Test
    void tenantReferencesAreReadOnlyAndTheirColumnsWrittenThroughBasicFields() {
        String task = generate("saas").get("com/example/saas/Task.java");
        assertThat(task).contains("@IdClass(TaskId.class)")
                .contains("@JoinColumn(name = \"account_id\", referencedColumnName = \"account_id\", insertable = false,"
                        + " updatable = false)")
                .contains("private Long assigneeId;").contains("private Member assignee;")
                .doesNotContain("public void setAssignee(");
        assertThat(generate("saas")).containsKey("com/example/saas/TaskLabel.java");
    }

    @Test
    void typesWithoutAJdbcTypeAreReadAsTextAndCastBack() {
        assertThat(generate("iot").get("com/example/iot/Device.java"))
                .contains("@ColumnTransformer(read = \"location::text\", write = \"?::point\")")
                .contains("@Column(name = \"location\", nullable = false, columnDefinition = \"point\")");
    }

    @Test
    void packageNamesAreChecked() {
        assertThat(JpaGenerator.defaultPackage("shop")).isEqualTo("com.example.shop");
        assertThat(JpaGenerator.defaultPackage("my-app")).isEqualTo("com.example.my_app");
        assertThat(JpaGenerator.isPackageName("com.example.shop")).isTrue();
        assertThat(JpaGenerator.isPackageName("com.class")).isFalse();
        assertThat(JpaGenerator.isPackageName("com..x")).isFalse();
        assertThatThrownBy(() -> new JpaGenerator(PgDialect.INSTANCE, "1x")).isInstanceOf(IllegalArgumentException.class);
    }
}
