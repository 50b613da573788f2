package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import java.util.List;
import java.util.Locale;

/** The text of a spec file and its name, to turn positions into locations. */
public record Source(String file, String text) {

    public Loc loc(int line, int column) {
        return Loc.of(file, line, column);
    }

    /** The file's lines without their line terminators. */
    public List<String> lines() {
        return text.lines().toList();
    }

    /** Whether the file holds JSON rather than YAML: by extension, else by its first character. */
    public boolean isJson() {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return true;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return false;
        }
        String trimmed = text.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }
}
