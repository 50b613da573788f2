package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.design.Design;
import io.accesspath.core.query.Parameter;
import io.accesspath.core.query.ParameterRole;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QueryFiles;
import io.accesspath.core.query.QuerySql;
import io.accesspath.core.query.QueryWriter;
import io.accesspath.core.spec.AccessPattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The queries of every example match the golden files in examples/expected/NAME/queries/ verbatim
 * (rewrite them with {@code -Dgolden.update=true} and review the diff), and hold the rules every
 * query keeps whatever the example.
 */
class ExampleQueriesTest {
    private static final Pattern NAMED = Pattern.compile(":([a-z_][a-z0-9_]*)");

    static Stream<String> examples() {
        return ExampleDesigns.NAMES.stream();
    }

    static List<Query> queries(Design d) {
        return new QueryWriter(PgDialect.INSTANCE).write(d);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void filesMatchTheGoldenCopies(String name) throws IOException {
        Design d = ExampleDesigns.design(name);
        Map<String, String> files = QueryFiles.render(d, queries(d));
        Path dir = ExampleDesigns.ROOT.resolve("examples/expected").resolve(name).resolve("queries");
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path golden = dir.resolve(f.getKey());
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(dir);
                Files.writeString(golden, f.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(golden).as("golden file %s (rewrite with -Dgolden.update=true)", golden).exists();
            assertThat(f.getValue()).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
        try (Stream<Path> present = Files.list(dir)) {
            assertThat(present.map(p -> p.getFileName().toString())).as("no stale golden files")
                    .containsExactlyInAnyOrderElementsOf(files.keySet());
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyPatternHasOneQueryNamedAfterIt(String name) {
        Design d = ExampleDesigns.design(name);
        assertThat(queries(d)).extracting(Query::name)
                .containsExactlyElementsOf(d.spec().accessPatterns().stream().map(AccessPattern::name).toList());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void bothSpellingsBindTheSameParametersInTheSameOrder(String name) {
        for (Query q : queries(ExampleDesigns.design(name))) {
            for (QuerySql s : q.nextPage().map(n -> List.of(q.firstPage(), n)).orElse(List.of(q.firstPage()))) {
                Matcher m = NAMED.matcher(s.sql().replace("::", ""));
                List<String> named = m.results().map(r -> r.group(1)).toList();
                assertThat(named).as(q.name()).isEqualTo(s.parameters());
                assertThat(s.jdbcSql().chars().filter(ch -> ch == '?').count()).as(q.name())
                        .isEqualTo(s.parameters().size());
                assertThat(s.parameters()).as(q.name()).allSatisfy(p -> assertThat(q.parameter(p)).isPresent());
            }
            // every parameter is used; cursor parameters only on the next page
            for (Parameter p : q.parameters()) {
                boolean first = q.firstPage().parameters().contains(p.name());
                assertThat(first).as(q.name() + ":" + p.name()).isEqualTo(p.role() != ParameterRole.CURSOR);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void keysetPatternsNeverUseOffsetAndSayWhy(String name) {
        for (Query q : queries(ExampleDesigns.design(name))) {
            boolean keyset = q.page().map(p -> p.style() == AccessPattern.PageStyle.KEYSET).orElse(false);
            assertThat(q.nextPage().isPresent()).as(q.name()).isEqualTo(keyset);
            if (keyset) {
                assertThat(q.firstPage().sql()).as(q.name()).doesNotContain("OFFSET");
                assertThat(q.nextPage().get().sql()).as(q.name()).doesNotContain("OFFSET");
                assertThat(q.notes()).as(q.name()).anySatisfy(n -> assertThat(n).contains("Not OFFSET"));
            }
        }
    }

    @Test
    void shopCustomerOrdersReadsOnlyTheProjectedColumnsAndSeeksWithARowValue() {
        Query q = queries(ExampleDesigns.design("shop")).stream().filter(x -> x.name().equals("customer_orders"))
                .findFirst().orElseThrow();
        assertThat(q.firstPage().sql()).startsWith("SELECT id, status, placed_at, total_amount\nFROM orders\n")
                .contains("placed_at >= :placed_at_from AND placed_at < :placed_at_to")
                .endsWith("ORDER BY placed_at DESC, id DESC\nLIMIT :limit");
        assertThat(q.nextPage().orElseThrow().sql()).contains("AND (placed_at, id) < (:after_placed_at, :after_id)");
        assertThat(q.parameter("customer_id").orElseThrow())
                .isEqualTo(new Parameter("customer_id", ParameterRole.EQUAL, java.util.Optional.of("orders"),
                        java.util.Optional.of("customer_id"), "bigint", java.util.Optional.empty(),
                        java.util.Optional.empty()));
        assertThat(q.parametersWith(ParameterRole.RANGE_LOW)).extracting(Parameter::name)
                .containsExactly("placed_at_from", "total_amount_from");
        assertThat(q.expected().access().index()).contains("orders_customer_id_status_placed_at_id_total_amount_idx");
        assertThat(q.expected().reason()).startsWith("Serves customer_orders");
    }

    @Test
    void saasQueriesAreTenantScopedFoldEmailsAndSkipDeletedTasks() {
        List<Query> qs = queries(ExampleDesigns.design("saas"));
        assertThat(qs).allSatisfy(q -> assertThat(q.firstPage().sql()).contains("account_id = :account_id"));
        Query email = qs.stream().filter(x -> x.name().equals("member_by_email")).findFirst().orElseThrow();
        assertThat(email.firstPage().sql()).contains("lower(email) = lower(:email)");
        Query board = qs.stream().filter(x -> x.name().equals("project_board")).findFirst().orElseThrow();
        assertThat(board.firstPage().sql()).contains("AND deleted_at IS NULL");
        Query labels = qs.stream().filter(x -> x.name().equals("tasks_with_label")).findFirst().orElseThrow();
        assertThat(labels.firstPage().sql()).contains("FROM task_label tl\nJOIN task t ON t.account_id ="
                + " tl.account_id AND t.id = tl.task_id\nWHERE tl.label_id = :label_id");
    }
}
