package io.accesspath.core.plan.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.accesspath.core.error.Loc;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import io.accesspath.core.plan.Fields;
import io.accesspath.core.plan.Plan;
import io.accesspath.core.plan.PlanNode;
import io.accesspath.core.plan.PlanValue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads EXPLAIN (FORMAT JSON) output: the array PostgreSQL prints, or one bare query object (as
 * auto_explain logs it). Every field is kept with its exact value and order; numbers keep the
 * digits PostgreSQL printed.
 */
final class JsonPlanReader {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final String HINT = "expected EXPLAIN (FORMAT JSON) output: [ { \"Plan\": { \"Node Type\": ... } } ]";

    private final String source;
    private JsonParser parser;

    private JsonPlanReader(String source) {
        this.source = source;
    }

    static Plan read(List<SourceLine> lines, String source) {
        return new JsonPlanReader(source).read(joinKeepingPositions(lines));
    }

    /** The lines back into one text in which Jackson's line and column are the input's. */
    private static String joinKeepingPositions(List<SourceLine> lines) {
        StringBuilder sb = new StringBuilder();
        int lineNo = 1;
        for (SourceLine line : lines) {
            while (lineNo < line.number()) {
                sb.append('\n');
                lineNo++;
            }
            sb.append(" ".repeat(line.offset())).append(line.text());
        }
        return sb.toString();
    }

    private Plan read(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            parser = p;
            JsonToken first = p.nextToken();
            Plan plan;
            if (first == JsonToken.START_ARRAY) {
                plan = readQueryArray();
            } else if (first == JsonToken.START_OBJECT) {
                plan = readQuery(location());
            } else {
                throw invalid(location(), "not an EXPLAIN JSON document");
            }
            if (p.nextToken() != null) {
                throw invalid(location(), "text after the end of the JSON plan");
            }
            return plan;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            Loc loc = at == null ? Loc.of(source, 1, 1) : Loc.of(source, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
            throw new UserError(List.of(Problem.of(loc, "invalid JSON: " + e.getOriginalMessage()
                    .lines().findFirst().orElse(""), HINT)), UserError.INVALID_INPUT, e);
        } catch (IOException e) {
            throw UserError.io("cannot read plan " + source + ": " + e.getMessage(), e);
        }
    }

    private Plan readQueryArray() throws IOException {
        Loc arrayStart = location();
        Plan plan = null;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            Loc at = location();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw invalid(at, "expected a query object with a \"Plan\"");
            }
            if (plan != null) {
                throw invalid(at, "this JSON holds more than one plan");
            }
            plan = readQuery(at);
        }
        if (plan == null) {
            throw invalid(arrayStart, "this JSON array holds no plan");
        }
        return plan;
    }

    private Plan readQuery(Loc start) throws IOException {
        LinkedHashMap<String, PlanValue> fields = new LinkedHashMap<>();
        PlanNode root = null;
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (key.equals("Plan")) {
                if (value != JsonToken.START_OBJECT) {
                    throw invalid(location(), "\"Plan\" is not an object");
                }
                root = readNode(location());
            } else {
                fields.put(key, readValue());
            }
        }
        if (root == null) {
            throw invalid(start, "no \"Plan\" in this JSON object");
        }
        return new Plan(root, Fields.of(fields));
    }

    private PlanNode readNode(Loc start) throws IOException {
        LinkedHashMap<String, PlanValue> fields = new LinkedHashMap<>();
        List<PlanNode> children = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            if (key.equals("Plans")) {
                if (value != JsonToken.START_ARRAY) {
                    throw invalid(location(), "\"Plans\" is not an array");
                }
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        throw invalid(location(), "a child plan is not an object");
                    }
                    children.add(readNode(location()));
                }
            } else {
                fields.put(key, readValue());
            }
        }
        if (!(fields.get("Node Type") instanceof PlanValue.TextValue)) {
            throw invalid(start, "plan node without a \"Node Type\"");
        }
        return new PlanNode(Fields.of(fields), children);
    }

    private PlanValue readValue() throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_STRING -> PlanValue.text(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new PlanValue.NumberValue(new BigDecimal(parser.getText()));
            case VALUE_TRUE -> PlanValue.bool(true);
            case VALUE_FALSE -> PlanValue.bool(false);
            case START_ARRAY -> {
                List<PlanValue> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue());
                }
                yield PlanValue.list(items);
            }
            case START_OBJECT -> {
                LinkedHashMap<String, PlanValue> fields = new LinkedHashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    parser.nextToken();
                    fields.put(key, readValue());
                }
                yield PlanValue.object(Fields.of(fields));
            }
            default -> throw invalid(location(), "unexpected JSON value " + token);
        };
    }

    private Loc location() {
        JsonLocation at = parser.currentTokenLocation();
        return Loc.of(source, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    private UserError invalid(Loc loc, String message) {
        return UserError.invalid(loc, message, HINT);
    }
}
