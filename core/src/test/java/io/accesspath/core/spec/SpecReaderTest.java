package io.accesspath.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.accesspath.core.error.Loc;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import io.accesspath.core.spec.AccessPattern.Direction;
import io.accesspath.core.spec.AccessPattern.Op;
import io.accesspath.core.spec.AccessPattern.PageStyle;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecReaderTest {

    @Nested
    class Shop {
        private final Spec spec = TestSpecs.parse(TestSpecs.valid("shop.yaml"));

        @Test
        void readsTheTopLevel() {
            assertThat(spec.name()).isEqualTo("shop");
            assertThat(spec.description()).contains("An online shop.");
            assertThat(spec.file()).isEqualTo("shop.yaml");
            assertThat(spec.settings().pgVersion()).hasValue(16);
            assertThat(spec.settings().enumStyle()).contains("check");
            assertThat(spec.entities()).extracting(Entity::name)
                    .containsExactly("customer", "order", "order_line", "product", "tag", "employee");
        }

        @Test
        void appliesEntityDefaults() {
            Entity order = spec.requireEntity("order");
            assertThat(order.table()).isEqualTo("orders");
            assertThat(spec.requireEntity("customer").table()).isEqualTo("customer");
            assertThat(order.key()).isEqualTo(new KeyStrategy.Identity());
            assertThat(spec.requireEntity("product").key()).isEqualTo(new KeyStrategy.UuidV7());
            assertThat(spec.requireEntity("tag").key()).isEqualTo(new KeyStrategy.Natural(List.of("label")));
            assertThat(order.loc()).isEqualTo(Loc.of("shop.yaml", 22, 3));
        }

        @Test
        void readsVolumesWithSuffixesUnderscoresAndDurations() {
            Volume volume = spec.requireEntity("order").volume();
            assertThat(volume.rows()).hasValue(20_000_000L);
            assertThat(volume.growthPerDay()).isEqualTo(20_000.0);
            assertThat(volume.retentionDays()).hasValue(730L);
            assertThat(volume.timeAttribute()).contains("placed_at");
            assertThat(spec.requireEntity("customer").volume().rows()).hasValue(2_000_000L);
            assertThat(spec.requireEntity("customer").volume().growthPerDay()).isEqualTo(1_000.0);
        }

        @Test
        void readsShortAndLongAttributes() {
            Entity customer = spec.requireEntity("customer");
            Attribute email = customer.attribute("email").orElseThrow();
            assertThat(email.type()).isEqualTo(new LogicalType.Email());
            assertThat(email.required()).isTrue();
            assertThat(email.unique()).isTrue();
            Attribute deletedAt = customer.attribute("deleted_at").orElseThrow();
            assertThat(deletedAt.type()).isEqualTo(new LogicalType.Timestamp());
            assertThat(deletedAt.required()).isFalse();
            assertThat(deletedAt.checks()).isEqualTo(Checks.NONE);
            assertThat(customer.softDelete()).contains("deleted_at");
            Attribute country = customer.attribute("country").orElseThrow();
            assertThat(country.type()).isEqualTo(new LogicalType.Identifier(2));
            assertThat(country.checks().minLength()).hasValue(2);
            assertThat(country.checks().pattern()).contains("^[A-Z]{2}$");
        }

        @Test
        void readsTypesWithTheirDefaults() {
            Entity order = spec.requireEntity("order");
            assertThat(order.attribute("total_amount").orElseThrow().type()).isEqualTo(new LogicalType.Money(14, 2));
            assertThat(order.attribute("external_ref").orElseThrow().type()).isEqualTo(new LogicalType.Identifier(64));
            assertThat(order.attribute("tags").orElseThrow().type())
                    .isEqualTo(new LogicalType.Array(new LogicalType.Text(java.util.OptionalInt.empty())));
            assertThat(order.attribute("notes").orElseThrow().type())
                    .isEqualTo(new LogicalType.SearchableText("english", java.util.OptionalInt.empty()));
            assertThat(spec.requireEntity("order_line").attribute("amount").orElseThrow().type())
                    .isEqualTo(new LogicalType.Decimal(12, 2));
            assertThat(spec.requireEntity("product").attribute("price").orElseThrow().type())
                    .isEqualTo(new LogicalType.Decimal(18, 2));
            assertThat(spec.requireEntity("product").attribute("available").orElseThrow().type())
                    .isEqualTo(new LogicalType.Range(new LogicalType.Date()));
        }

        @Test
        void readsEnumsAsText() {
            Attribute status = spec.requireEntity("order").attribute("status").orElseThrow();
            LogicalType.Enum type = (LogicalType.Enum) status.type();
            assertThat(type.values()).containsExactly("pending", "paid", "shipped", "yes");
            assertThat(type.weights()).containsExactly(1.0, 3.0, 6.0, 0.5);
            assertThat(status.defaultValue()).contains("pending");
        }

        @Test
        void readsSeedKnobs() {
            Entity order = spec.requireEntity("order");
            assertThat(order.attribute("shipped_at").orElseThrow().generate().after()).contains("placed_at");
            assertThat(order.attribute("shipped_at").orElseThrow().generate().nullRatio()).hasValue(0.3);
            assertThat(order.attribute("total_amount").orElseThrow().generate().sumOf()).contains("lines.amount");
            Generator amount = spec.requireEntity("order_line").attribute("amount").orElseThrow().generate();
            assertThat(amount.distribution()).contains("lognormal");
            assertThat(amount.mean()).hasValue(80);
            assertThat(amount.max()).contains(new BigDecimal("5000"));
            Generator sku = spec.requireEntity("product").attribute("sku").orElseThrow().generate();
            assertThat(sku.faker()).contains("#{code.ean13}");
            assertThat(sku.distinct()).hasValue(500);
        }

        @Test
        void normalizesOneToManyIntoManyToOne() {
            Relationship lines = relationship("order_line.order");
            assertThat(lines.kind()).isEqualTo(Relationship.Kind.MANY_TO_ONE);
            assertThat(lines.child()).isEqualTo("order_line");
            assertThat(lines.parent()).isEqualTo("order");
            assertThat(lines.as()).isEqualTo("order");
            assertThat(lines.inverse()).contains("lines");
            assertThat(lines.owned()).isTrue();
            assertThat(spec.referencesFrom("order_line")).extracting(Relationship::name)
                    .containsExactly("order_line.order", "order_line.product");
        }

        @Test
        void readsManyToOneWithFanout() {
            Relationship customer = relationship("order.customer");
            assertThat(customer.as()).isEqualTo("customer");
            assertThat(customer.required()).isTrue();
            assertThat(customer.fanout().avg()).contains(10.0);
            assertThat(customer.fanout().max()).hasValue(5000);
            assertThat(customer.fanout().skew()).isEqualTo(Relationship.Skew.zipf(1.1));
            assertThat(relationship("order_line.product").fanout().skew()).isEqualTo(Relationship.Skew.pareto(1.2));
            assertThat(relationship("order_line.product").onDelete()).contains("restrict");
        }

        @Test
        void namesManyToManyByItsJunctionTable() {
            Relationship tags = relationship("product_tag");
            assertThat(tags.isManyToMany()).isTrue();
            assertThat(tags.through()).contains("product_tag");
            assertThat(tags.child()).isEqualTo("product");
            assertThat(tags.parent()).isEqualTo("tag");
            assertThat(tags.fanout().skew()).isEqualTo(Relationship.Skew.zipf(1));
            assertThat(tags.attributes()).extracting(Attribute::name).containsExactly("position", "added_at");
        }

        @Test
        void readsSelfReferences() {
            Relationship manager = relationship("employee.manager");
            assertThat(manager.isSelfReference()).isTrue();
            assertThat(manager.inverse()).contains("reports");
            assertThat(manager.maxDepth()).hasValue(6);
        }

        @Test
        void readsTheThreeFormsOfWhere() {
            AccessPattern pattern = pattern("customer_orders");
            assertThat(pattern.filters()).extracting(AccessPattern.Filter::attribute, AccessPattern.Filter::op,
                    AccessPattern.Filter::values).containsExactly(
                            org.assertj.core.groups.Tuple.tuple("customer", Op.EQ, List.of()),
                            org.assertj.core.groups.Tuple.tuple("status", Op.EQ, List.of("paid")),
                            org.assertj.core.groups.Tuple.tuple("placed_at", Op.RANGE, List.of()),
                            org.assertj.core.groups.Tuple.tuple("total_amount", Op.RANGE, List.of()));
            assertThat(pattern.filters().get(1).isConstant()).isTrue();
            assertThat(pattern.filters().get(1).value()).contains("paid");
            assertThat(pattern.filters().get(3).selectivity()).hasValue(0.3);
            assertThat(pattern.filters().get(0).loc()).isEqualTo(Loc.of("shop.yaml", 93, 9));
        }

        @Test
        void readsSortPageFetchProjectAndTargets() {
            AccessPattern pattern = pattern("customer_orders");
            assertThat(pattern.sort()).extracting(AccessPattern.SortKey::attribute, AccessPattern.SortKey::direction)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("placed_at", Direction.DESC),
                            org.assertj.core.groups.Tuple.tuple("id", Direction.DESC));
            assertThat(pattern.page()).contains(new AccessPattern.Page(50, PageStyle.KEYSET));
            assertThat(pattern.fetch()).containsExactly("customer", "lines", "lines.product");
            assertThat(pattern.project()).containsExactly("id", "status", "placed_at", "total_amount");
            assertThat(pattern.frequency().perSecond()).isEqualTo(300);
            assertThat(pattern.frequency().text()).isEqualTo("300/s");
            assertThat(pattern.latencyP95Ms()).hasValue(20);
            assertThat(pattern.staleOk()).isFalse();
            assertThat(pattern.sql()).isEmpty();
        }

        @Test
        void readsPagesAndRates() {
            assertThat(pattern("orders_by_country").page()).contains(new AccessPattern.Page(20, PageStyle.KEYSET));
            assertThat(pattern("search_products").page()).contains(new AccessPattern.Page(20, PageStyle.OFFSET));
            assertThat(pattern("customers_near").page()).contains(new AccessPattern.Page(10, PageStyle.NONE));
            assertThat(pattern("order_by_id").frequency().perSecond()).isEqualTo(500);
            assertThat(pattern("orders_by_country").frequency().perSecond()).isCloseTo(5.0 / 60, within(1e-12));
            assertThat(pattern("customers_near").frequency().perSecond()).isCloseTo(2.0 / (30 * 86_400), within(1e-15));
        }

        @Test
        void readsDottedFiltersConstantListsAndAggregates() {
            AccessPattern byCountry = pattern("orders_by_country");
            assertThat(byCountry.filtersThroughJoin()).isTrue();
            assertThat(byCountry.filters().get(1).values()).containsExactly("paid", "shipped");
            AccessPattern counts = pattern("status_counts");
            assertThat(counts.aggregates()).containsExactly(
                    new AccessPattern.Aggregate(AccessPattern.AggregateFunction.COUNT, Optional.empty(),
                            Loc.of("shop.yaml", 122, 18)),
                    new AccessPattern.Aggregate(AccessPattern.AggregateFunction.SUM, Optional.of("total_amount"),
                            Loc.of("shop.yaml", 122, 25)));
            assertThat(counts.groupBy()).containsExactly("status");
            assertThat(counts.staleOk()).isTrue();
        }

        @Test
        void readsWritePatterns() {
            WritePattern order = spec.writesOf("order").get(0);
            assertThat(order.inserts().perSecond()).isEqualTo(25);
            assertThat(order.updates()).singleElement().satisfies(u -> {
                assertThat(u.rate().perSecond()).isEqualTo(40);
                assertThat(u.attributes()).containsExactly("status", "shipped_at");
            });
            assertThat(order.deletes().isZero()).isTrue();
            assertThat(spec.writesOf("order_line").get(0).updates()).isEmpty();
            assertThat(spec.readWriteRatio()).isGreaterThan(1);
        }

        private Relationship relationship(String name) {
            return spec.relationships().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        }

        private AccessPattern pattern(String name) {
            return spec.accessPatterns().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        }
    }

    @Nested
    class Saas {
        private final Spec spec = TestSpecs.parse(TestSpecs.valid("saas.json"));

        @Test
        void readsJson() {
            assertThat(spec.name()).isEqualTo("saas");
            assertThat(spec.settings().tenant()).contains("account");
            assertThat(spec.settings().enumStyle()).contains("type");
            assertThat(spec.requireEntity("task").volume().rows()).hasValue(1_500_000_000L);
            assertThat(spec.requireEntity("user").table()).isEqualTo("users");
            assertThat(spec.requireEntity("user").uniques()).singleElement()
                    .satisfies(u -> assertThat(u.attributes()).containsExactly("account", "email"));
        }

        @Test
        void takesTheDefaultKeyFromSettings() {
            assertThat(spec.requireEntity("task").key()).isEqualTo(new KeyStrategy.UuidV7());
            assertThat(spec.requireEntity("profile").key()).isEqualTo(new KeyStrategy.Natural(List.of("user")));
        }

        @Test
        void defaultsTheReferenceToTheParentName() {
            assertThat(spec.referencesFrom("project")).singleElement().satisfies(r -> {
                assertThat(r.name()).isEqualTo("project.account");
                assertThat(r.inverse()).contains("projects");
            });
            assertThat(spec.referencesTo("user")).extracting(Relationship::name)
                    .containsExactly("task.assignee", "profile.user");
        }

        @Test
        void readsOneToOneAndNamedJunctionTables() {
            Relationship profile = spec.referencesFrom("profile").get(0);
            assertThat(profile.kind()).isEqualTo(Relationship.Kind.ONE_TO_ONE);
            Relationship membership = spec.relationships().stream().filter(Relationship::isManyToMany).findFirst()
                    .orElseThrow();
            assertThat(membership.name()).isEqualTo("membership");
            assertThat(membership.as()).isEqualTo("projects");
            assertThat(membership.attributes()).extracting(Attribute::name).containsExactly("role");
        }

        @Test
        void readsConstantsOfTheFullForm() {
            AccessPattern projects = spec.patternsOn("project").get(0);
            assertThat(projects.filters()).extracting(AccessPattern.Filter::op, AccessPattern.Filter::values)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Op.EQ, List.of()),
                            org.assertj.core.groups.Tuple.tuple(Op.CONTAINS, List.of("2026-01-01")),
                            org.assertj.core.groups.Tuple.tuple(Op.GT, List.of("1000")));
        }
    }

    @Nested
    class Events {
        private final Spec spec = TestSpecs.parse(TestSpecs.valid("events.yaml"));

        @Test
        void readsTimeSeries() {
            Entity reading = spec.requireEntity("reading");
            assertThat(reading.appendOnly()).isTrue();
            assertThat(reading.key()).isEqualTo(new KeyStrategy.Natural(List.of("device", "taken_at")));
            assertThat(reading.volume().rows()).hasValue(3_000_000_000L);
            assertThat(reading.volume().growthPerDay()).isEqualTo(28_800_000.0);
            assertThat(reading.volume().retentionDays()).hasValue(390L);
            assertThat(spec.requireEntity("folder").volume().retentionDays()).hasValue(5 * 365L);
            assertThat(spec.requireEntity("device").key()).isEqualTo(new KeyStrategy.Uuid());
        }

        @Test
        void readsLiteralDefaults() {
            Entity device = spec.requireEntity("device");
            assertThat(device.attribute("installed_on").orElseThrow().defaultValue()).contains("2024-01-31");
            assertThat(device.attribute("site").orElseThrow().defaultValue()).contains(Attribute.DEFAULT_RANDOM);
        }

        @Test
        void walksSelfReferencesInFetchAndFilters() {
            AccessPattern tree = spec.patternsOn("folder").get(0);
            assertThat(tree.fetch()).containsExactly("children", "children.children");
            assertThat(tree.filters()).extracting(AccessPattern.Filter::op).containsExactly(Op.IS_NULL, Op.EQ);
            assertThat(tree.filters().get(0).isConstant()).isTrue();
        }

        @Test
        void readsSqlWithComments() {
            AccessPattern latest = spec.accessPatterns().stream().filter(p -> p.name().equals("latest_reading"))
                    .findFirst().orElseThrow();
            assertThat(latest.entity()).isEqualTo("reading");
            assertThat(latest.filters()).extracting(AccessPattern.Filter::attribute).containsExactly("device");
            assertThat(latest.page()).contains(new AccessPattern.Page(1, PageStyle.NONE));
            assertThat(latest.frequency().perSecond()).isEqualTo(10);
        }
    }

    @Nested
    class Files {
        @Test
        void readsAFileAndNamesItInLocations() {
            Path file = TestSpecs.valid("shop.yaml");
            Spec spec = SpecReader.read(file);
            assertThat(spec.file()).isEqualTo(file.toString());
            assertThat(spec.entities().get(0).loc().file()).isEqualTo(file.toString());
        }

        @Test
        void aMissingFileIsOneIoError(@TempDir Path dir) {
            Path missing = dir.resolve("nope.yaml");
            UserError error = catchThrowableOfType(UserError.class, () -> SpecReader.read(missing));

            assertThat(error.exitCode()).isEqualTo(UserError.IO);
            assertThat(error.problems()).extracting(Problem::render)
                    .containsExactly("cannot read spec '" + missing + "': no such file");
        }

        @Test
        void aDirectoryIsAnIoError(@TempDir Path dir) {
            UserError error = catchThrowableOfType(UserError.class, () -> SpecReader.read(dir));

            assertThat(error.exitCode()).isEqualTo(UserError.IO);
            assertThat(error.problems()).singleElement().extracting(Problem::render).asString()
                    .isEqualTo("cannot read spec '" + dir + "': it is a directory");
        }

        @Test
        void recognizesJsonByContentWhateverTheName() {
            Spec spec = SpecReader.parse("{\"name\": \"s\", \"entities\": {\"a\": {\"attributes\": {\"b\": \"text\"}}},"
                    + " \"access_patterns\": [{\"name\": \"p\", \"entity\": \"a\", \"frequency\": 1}]}", "spec.txt");
            assertThat(spec.accessPatterns()).singleElement()
                    .satisfies(p -> assertThat(p.frequency().perSecond()).isEqualTo(1));
        }

        @Test
        void reusesYamlAnchorsAndMergeKeys() {
            Spec spec = SpecReader.parse("""
                    name: s
                    entities:
                      a:
                        attributes:
                          value: &measure {type: decimal, precision: 10, scale: 3, required: true}
                          peak: {<<: *measure, required: false}
                          spread: *measure
                          unit: &unit text
                          label: *unit
                    access_patterns: [{name: p, entity: a, frequency: 1}]
                    """, "s.yaml");
            Entity a = spec.requireEntity("a");
            assertThat(a.attributes()).extracting(Attribute::name).containsExactly("value", "peak", "spread", "unit",
                    "label");
            assertThat(a.attribute("peak").orElseThrow().type()).isEqualTo(new LogicalType.Decimal(10, 3));
            assertThat(a.attribute("peak").orElseThrow().required()).isFalse();
            assertThat(a.attribute("spread").orElseThrow().required()).isTrue();
            assertThat(a.attribute("label").orElseThrow().type()).isEqualTo(new LogicalType.Text(java.util.OptionalInt.empty()));
        }

        @Test
        void skipsAByteOrderMark() {
            Spec spec = SpecReader.parse("\uFEFFname: s\nentities: {a: {}}\naccess_patterns: [{name: p, entity: a,"
                    + " frequency: 1}]\n", "bom.yaml");
            assertThat(spec.entities().get(0).loc()).isEqualTo(Loc.of("bom.yaml", 2, 12));
        }

        @Test
        void readsYamlAndJsonTheSameWay() {
            Spec yaml = SpecReader.parse("""
                    name: s
                    entities:
                      a: {attributes: {b: {type: enum, values: [x, y], weights: [1, 2]}}}
                    access_patterns:
                      - {name: p, entity: a, where: [{b: {in: [x, y]}}], frequency: 2k/day}
                    """, "s.yaml");
            Spec json = SpecReader.parse("""
                    {"name": "s",
                     "entities": {"a": {"attributes": {"b": {"type": "enum", "values": ["x", "y"], "weights": [1, 2]}}}},
                     "access_patterns": [{"name": "p", "entity": "a", "where": [{"b": {"in": ["x", "y"]}}], "frequency": "2k/day"}]}
                    """, "s.json");
            assertThat(json.entities().get(0).attributes().get(0).type())
                    .isEqualTo(yaml.entities().get(0).attributes().get(0).type());
            assertThat(json.accessPatterns().get(0).filters().get(0).values())
                    .isEqualTo(yaml.accessPatterns().get(0).filters().get(0).values());
            assertThat(json.accessPatterns().get(0).frequency()).isEqualTo(yaml.accessPatterns().get(0).frequency());
        }
    }
}
