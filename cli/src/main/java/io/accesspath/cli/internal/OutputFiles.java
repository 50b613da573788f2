package io.accesspath.cli.internal;

import io.accesspath.core.error.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a set of output files so that none is ever half-written: everything is rendered in
 * memory first, each file goes to a temporary sibling and is renamed into place.
 */
public final class OutputFiles {
    private final Map<String, String> files = new LinkedHashMap<>();

    public OutputFiles add(String name, String content) {
        files.put(name, content);
        return this;
    }

    public Map<String, String> files() {
        return files;
    }

    /** Writes every file into {@code dir} (created if needed); a name may hold subdirectories ({@code com/example/A.java}). */
    public void writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw UserError.io("cannot create directory " + dir + ": " + reason(e), e);
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error is the one to report
                }
                throw UserError.io("cannot write " + target + ": " + reason(e), e);
            }
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }
}
