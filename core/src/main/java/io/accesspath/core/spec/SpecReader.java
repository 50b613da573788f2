package io.accesspath.core.spec;

import io.accesspath.core.error.UserError;
import io.accesspath.core.spec.internal.Node;
import io.accesspath.core.spec.internal.Problems;
import io.accesspath.core.spec.internal.Source;
import io.accesspath.core.spec.internal.SpecMapper;
import io.accesspath.core.spec.internal.TreeReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a requirements spec (YAML or JSON, see {@code docs/spec.md}) into a validated
 * {@link Spec}. Every problem in the file is reported at once, each located at
 * {@code file:line:column} with a hint where one helps.
 *
 * <pre>{@code
 * Spec spec = SpecReader.read(Path.of("shop.yaml"));
 * }</pre>
 */
public final class SpecReader {
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private SpecReader() {}

    /**
     * Reads and validates the spec in {@code file}; locations name the file as given.
     *
     * @throws UserError with {@link UserError#IO} if the file cannot be read, or
     *                   {@link UserError#INVALID_INPUT} listing every problem in it
     */
    public static Spec read(Path file) {
        String name = file.toString();
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw UserError.io("cannot read spec '" + name + "': no such file", e);
        } catch (AccessDeniedException e) {
            throw UserError.io("cannot read spec '" + name + "': permission denied", e);
        } catch (MalformedInputException e) {
            throw UserError.io("cannot read spec '" + name + "': not UTF-8 text", e);
        } catch (IOException e) {
            String reason = Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage());
            throw UserError.io("cannot read spec '" + name + "': " + reason, e);
        }
        return parse(content, name);
    }

    /**
     * Parses and validates a spec given as text. JSON is recognized by a {@code .json}
     * {@code fileName} or, for other names, by content starting with <code>{</code>; anything
     * else is read as YAML.
     *
     * @param fileName the name locations use ({@code shop.yaml:12:5})
     * @throws UserError with {@link UserError#INVALID_INPUT} listing every problem
     */
    public static Spec parse(String content, String fileName) {
        Source source = new Source(fileName, content.startsWith(BYTE_ORDER_MARK) ? content.substring(1) : content);
        Problems problems = new Problems();
        Node root = TreeReader.read(source, problems);
        Optional<Spec> spec = SpecMapper.map(root, source, problems);
        problems.throwIfAny();
        return spec.orElseThrow(() -> new IllegalStateException("a spec without problems was not built: " + fileName));
    }
}
