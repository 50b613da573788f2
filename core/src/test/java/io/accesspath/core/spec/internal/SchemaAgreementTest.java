package io.accesspath.core.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accesspath.core.spec.LogicalType;
import io.accesspath.core.spec.SpecSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema and the reader agree: the schema lists exactly the keys the reader accepts,
 * the same choices and the same patterns, and describes every property.
 */
class SchemaAgreementTest {
    private static final JsonNode SCHEMA = parse(SpecSchema.text());
    private static final JsonNode DEFS = SCHEMA.get("$defs");
    /** Subschemas that constrain properties described elsewhere. */
    private static final List<String> CONDITIONS = List.of("if", "then", "else", "not");

    /** The reader's keys of each kind of mapping, by the schema definition that describes it. */
    static List<Map.Entry<String, List<String>>> definitions() {
        return List.of(Map.entry("settings", SpecKeys.SETTINGS), Map.entry("entity", SpecKeys.ENTITY),
                Map.entry("volume", SpecKeys.VOLUME), Map.entry("attribute", SpecKeys.ATTRIBUTE),
                Map.entry("check", SpecKeys.CHECK), Map.entry("generate", SpecKeys.GENERATE),
                Map.entry("relationship", SpecKeys.RELATIONSHIP), Map.entry("children", SpecKeys.CHILDREN),
                Map.entry("access_pattern", SpecKeys.ACCESS_PATTERN), Map.entry("filter", SpecKeys.FILTER),
                Map.entry("page", SpecKeys.PAGE), Map.entry("write_pattern", SpecKeys.WRITE_PATTERN),
                Map.entry("update", SpecKeys.UPDATE));
    }

    @Test
    void theTopLevelHasTheReadersKeys() {
        assertThat(names(SCHEMA.get("properties"))).containsExactlyInAnyOrderElementsOf(SpecKeys.SPEC);
        assertThat(SCHEMA.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void everyMappingHasTheReadersKeysAndNoOthers(Map.Entry<String, List<String>> definition) {
        JsonNode schema = DEFS.get(definition.getKey());
        assertThat(names(schema.get("properties"))).containsExactlyInAnyOrderElementsOf(definition.getValue());
        assertThat(schema.get("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void offersTheReadersChoices() {
        assertThat(strings(DEFS.at("/attribute/properties/type/enum"))).isEqualTo(LogicalType.SPEC_NAMES);
        List<String> shortForms = new ArrayList<>(LogicalType.SPEC_NAMES);
        shortForms.removeAll(List.of("enum", "array", "range"));
        assertThat(strings(DEFS.at("/attribute_or_type/oneOf/0/enum"))).isEqualTo(shortForms);
        assertThat(strings(DEFS.at("/attribute/properties/of/enum"))).isEqualTo(TypeReader.ARRAY_ELEMENTS);
        assertThat(strings(DEFS.at("/operator/enum"))).isEqualTo(PatternReader.OPERATORS);
        assertThat(strings(DEFS.at("/page/properties/style/enum"))).isEqualTo(PatternReader.PAGE_STYLES);
        assertThat(strings(DEFS.at("/generate/properties/distribution/enum"))).isEqualTo(AttributeReader.DISTRIBUTIONS);
        assertThat(strings(DEFS.at("/relationship/properties/kind/enum"))).isEqualTo(RelationshipReader.KINDS);
        assertThat(strings(DEFS.at("/relationship/properties/on_delete/enum"))).isEqualTo(RelationshipReader.ON_DELETE);
        assertThat(strings(DEFS.at("/key_strategy/enum"))).isEqualTo(EntityReader.KEY_STRATEGIES);
        assertThat(strings(DEFS.at("/settings/properties/enum_style/enum"))).isEqualTo(SettingsReader.ENUM_STYLES);
        assertThat(DEFS.at("/settings/properties/pg_version/minimum").asInt()).isEqualTo(SettingsReader.MIN_PG_VERSION);
        assertThat(DEFS.at("/settings/properties/pg_version/maximum").asInt()).isEqualTo(SettingsReader.MAX_PG_VERSION);
    }

    @Test
    void constrainsTypeSpecificKeysAsTheReaderDoes() {
        Map<String, List<String>> fromSchema = new java.util.HashMap<>();
        List<String> rangeElements = List.of();
        for (JsonNode rule : DEFS.at("/attribute/allOf")) {
            JsonNode required = rule.at("/if/required");
            if (rule.at("/if/properties").isMissingNode() && required.size() == 1) {
                fromSchema.put(required.get(0).asText(), strings(rule.at("/then/properties/type/enum")));
            }
            if (rule.at("/if/properties/type/const").asText().equals("range")) {
                rangeElements = strings(rule.at("/then/properties/of/enum"));
            }
        }
        assertThat(fromSchema).isEqualTo(SpecKeys.TYPE_SPECIFIC);
        assertThat(rangeElements).isEqualTo(TypeReader.RANGE_ELEMENTS);
    }

    @Test
    void usesTheReadersPatterns() {
        assertThat(DEFS.at("/name/pattern").asText()).isEqualTo(Names.PATTERN.pattern());
        assertThat(DEFS.at("/name/maxLength").asInt()).isEqualTo(Names.MAX_LENGTH);
        assertThat(DEFS.at("/count/anyOf/1/pattern").asText()).isEqualTo(Quantities.AMOUNT_PATTERN);
        assertThat(DEFS.at("/amount/anyOf/1/pattern").asText()).isEqualTo(Quantities.AMOUNT_PATTERN);
        assertThat(DEFS.at("/rate/anyOf/1/pattern").asText()).isEqualTo(Quantities.RATE_PATTERN);
        assertThat(DEFS.at("/duration/pattern").asText()).isEqualTo(Quantities.DURATION_PATTERN);
        assertThat(DEFS.at("/children/properties/skew/pattern").asText()).isEqualTo(Quantities.SKEW_PATTERN);
        assertThat(DEFS.at("/access_pattern/properties/aggregates/items/pattern").asText())
                .isEqualTo(PatternReader.AGGREGATE_PATTERN);
    }

    @Test
    void describesEveryPropertyAndDefinition() {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(SCHEMA, "#", undescribed);
        DEFS.fields().forEachRemaining(def -> {
            if (!def.getValue().has("description")) {
                undescribed.add("#/$defs/" + def.getKey());
            }
        });
        assertThat(undescribed).isEmpty();
    }

    private static void collectUndescribed(JsonNode node, String path, List<String> undescribed) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fields().forEachRemaining(p -> {
                    if (!p.getValue().has("description")) {
                        undescribed.add(path + "/properties/" + p.getKey());
                    }
                });
            }
            node.fields().forEachRemaining(f -> {
                if (!CONDITIONS.contains(f.getKey())) {
                    collectUndescribed(f.getValue(), path + "/" + f.getKey(), undescribed);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectUndescribed(node.get(i), path + "/" + i, undescribed);
            }
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(n -> strings.add(n.asText()));
        return strings;
    }

    private static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
