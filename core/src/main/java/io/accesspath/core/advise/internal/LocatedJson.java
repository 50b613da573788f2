package io.accesspath.core.advise.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accesspath.core.error.Loc;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON into a Jackson tree and remembers where each value starts, keyed by its JSON path
 * ({@code $.costs[3].indexes[1]}), so that a problem found later can name both the file position
 * and the path. A file that is not JSON fails at once with its line and column; duplicate keys are
 * collected as problems.
 */
public final class LocatedJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);

    private final String file;
    private final Map<String, Loc> locations = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private JsonNode root;

    private LocatedJson(String file) {
        this.file = file;
    }

    /**
     * Parses {@code text} (named {@code file} in messages).
     *
     * @throws UserError (exit 2) if the text is empty or not JSON, at the offending line:column
     */
    public static LocatedJson parse(String text, String file) {
        LocatedJson json = new LocatedJson(file);
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw UserError.invalid(Loc.of(file, 1, 1), "the file is empty", "a cost matrix is one JSON object");
            }
            json.root = json.value(parser, "$");
            if (parser.nextToken() != null) {
                json.problems.add(Problem.of(json.loc(parser.currentTokenLocation()),
                        "$: a cost matrix is one JSON value; this is a second one", "remove everything from here on"));
            }
        } catch (JsonProcessingException e) {
            Loc at = e.getLocation() == null ? Loc.of(file, 0, 0) : json.loc(e.getLocation());
            throw UserError.invalid(at, "not valid JSON: " + firstLine(e.getOriginalMessage()), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json;
    }

    public JsonNode root() {
        return root;
    }

    /** Problems found while reading (duplicate keys, trailing values). */
    public List<Problem> problems() {
        return problems;
    }

    /** Where the value at {@code path} starts (the file alone if unknown). */
    public Loc at(String path) {
        return locations.getOrDefault(path, Loc.of(file, 0, 0));
    }

    public String file() {
        return file;
    }

    private JsonNode value(JsonParser parser, String path) throws IOException {
        locations.put(path, loc(parser.currentTokenLocation()));
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    Loc keyLoc = loc(parser.currentTokenLocation());
                    parser.nextToken();
                    String child = path + "." + key;
                    if (object.has(key)) {
                        problems.add(Problem.of(keyLoc, child + ": duplicate key '" + key + "'",
                                "the first is at " + locations.get(child)));
                        value(parser, child + "#dup");
                    } else {
                        object.set(key, value(parser, child));
                    }
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                int i = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, path + "[" + i++ + "]"));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(parser.getBigIntegerValue()) : NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("unexpected JSON token " + token + " at " + path);
        }
    }

    private Loc loc(JsonLocation location) {
        return Loc.of(file, location.getLineNr(), location.getColumnNr());
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable input" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
