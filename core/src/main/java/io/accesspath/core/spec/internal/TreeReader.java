package io.accesspath.core.spec.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.accesspath.core.error.Loc;
import io.accesspath.core.error.Problem;
import io.accesspath.core.error.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON into a located {@link Node} tree through Jackson's streaming parser, the
 * same way for both formats. YAML anchors ({@code &name}) can be reused through aliases
 * ({@code *name}) and merge keys ({@code <<: *name}). Duplicate keys are reported as problems; a
 * file that does not parse at all, or is empty, fails at once with its location.
 */
public final class TreeReader {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private static final String MERGE_KEY = "<<";

    private final Source source;
    private final Problems problems;
    private final Map<String, Node> anchors = new HashMap<>();
    private final List<String> lines;

    private TreeReader(Source source, Problems problems) {
        this.source = source;
        this.problems = problems;
        this.lines = source.lines();
    }

    /**
     * Parses {@code source}; structural problems (duplicate keys, aliases) go to {@code problems}.
     *
     * @throws UserError if the text is empty or is not YAML/JSON
     */
    public static Node read(Source source, Problems problems) {
        return new TreeReader(source, problems).readDocument();
    }

    private Node readDocument() {
        boolean json = source.isJson();
        try (JsonParser parser = (json ? JSON : YAML).createParser(source.text())) {
            if (parser.nextToken() == null) {
                throw UserError.invalid(Loc.of(source.file(), 0, 0), "the spec is empty",
                        "start with 'name:', 'entities:' and 'access_patterns:' (see 'accesspath spec-schema')");
            }
            Node root = readValue(parser);
            if (parser.nextToken() != null) {
                problems.add(loc(parser.currentTokenLocation()), "a spec is one document; this is a second one",
                        "remove everything from here on, or split it into another file");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Node readValue(JsonParser parser) throws IOException {
        Loc at = loc(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        Optional<String> anchor = Optional.ofNullable(parser.getObjectId()).map(Object::toString);
        Node node;
        if (token == JsonToken.START_OBJECT) {
            node = readMapping(parser, at);
        } else if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(readValue(parser));
            }
            node = new Node.Sequence(at, items);
        } else if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            return alias(parser.getText(), at);
        } else {
            node = new Node.Scalar(at, token == JsonToken.VALUE_NULL ? "" : parser.getText(),
                    token == JsonToken.VALUE_NULL);
            if (parser instanceof YAMLParser) {
                anchor = scalarAnchor(at);
            }
        }
        anchor.ifPresent(name -> anchors.put(name, node));
        return node;
    }

    private Node alias(String name, Loc at) {
        Node anchored = anchors.get(name);
        if (anchored == null) {
            problems.add(at, "YAML alias *" + name + " names no anchor before it", "define &" + name + " first");
            return new Node.Scalar(at, "", true);
        }
        return anchored;
    }

    private Node readMapping(JsonParser parser, Loc at) throws IOException {
        List<Node.Entry> entries = new ArrayList<>();
        List<Node.Entry> merged = new ArrayList<>();
        Map<String, Loc> seen = new HashMap<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            Loc keyLoc = loc(parser.currentTokenLocation());
            parser.nextToken();
            Node value = readValue(parser);
            if (key.equals(MERGE_KEY) && parser instanceof YAMLParser) {
                merged.addAll(mergedEntries(value));
            } else {
                Loc first = seen.putIfAbsent(key, keyLoc);
                if (first == null) {
                    entries.add(new Node.Entry(key, keyLoc, value));
                } else {
                    problems.add(keyLoc, "duplicate key '" + key + "'", "the first is at " + first);
                }
            }
        }
        for (Node.Entry entry : merged) {
            if (seen.putIfAbsent(entry.key(), entry.keyLoc()) == null) {
                entries.add(entry);
            }
        }
        return new Node.Mapping(at, entries);
    }

    /**
     * The anchor written before a scalar ({@code &name}, possibly after a tag), read from the
     * text: Jackson reports anchors of mappings and lists only, and a scalar's position is where
     * its anchor starts.
     */
    private Optional<String> scalarAnchor(Loc at) {
        String line = at.line() >= 1 && at.line() <= lines.size() ? lines.get(at.line() - 1) : "";
        int i = at.column() - 1;
        while (i >= 0 && i < line.length() && (line.charAt(i) == '&' || line.charAt(i) == '!')) {
            int end = i;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && ",[]{}".indexOf(line.charAt(end)) < 0) {
                end++;
            }
            if (line.charAt(i) == '&') {
                return Optional.of(line.substring(i + 1, end));
            }
            i = end;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
        }
        return Optional.empty();
    }

    /** The entries a merge key brings in: from one mapping, or from a list of them (the first wins). */
    private List<Node.Entry> mergedEntries(Node value) {
        List<Node> sources = value instanceof Node.Sequence list ? list.items() : List.of(value);
        List<Node.Entry> entries = new ArrayList<>();
        for (Node source : sources) {
            if (source instanceof Node.Mapping mapping) {
                entries.addAll(mapping.entries());
            } else if (!(source instanceof Node.Scalar scalar && scalar.isNull())) {
                problems.add(source.loc(), "a YAML merge key (<<) takes a mapping or a list of mappings, not "
                        + source.kind());
            }
        }
        return entries;
    }

    private Loc loc(JsonLocation location) {
        return source.loc(location.getLineNr(), location.getColumnNr());
    }

    private UserError syntaxError(JsonProcessingException e, boolean json) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            Optional<String> hint = Optional.ofNullable(marked.getContext())
                    .filter(context -> marked.getContextMark() != null)
                    .map(context -> context + " that starts at "
                            + source.loc(marked.getContextMark().getLine() + 1, marked.getContextMark().getColumn() + 1));
            return invalid(source.loc(mark.getLine() + 1, mark.getColumn() + 1),
                    "not valid YAML: " + firstLine(marked.getProblem()), hint);
        }
        Loc at = e.getLocation() == null ? Loc.of(source.file(), 0, 0) : loc(e.getLocation());
        return invalid(at, "not valid " + (json ? "JSON" : "YAML") + ": " + firstLine(e.getOriginalMessage()),
                Optional.empty());
    }

    private static UserError invalid(Loc at, String message, Optional<String> hint) {
        return new UserError(List.of(new Problem(at, message, hint)), UserError.INVALID_INPUT);
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable input" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
