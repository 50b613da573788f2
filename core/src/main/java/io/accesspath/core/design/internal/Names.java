package io.accesspath.core.design.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Deterministic names for constraints and indexes, in PostgreSQL's own style
 * ({@code table_col1_col2_idx}), kept within the identifier limit and unique per schema.
 */
public final class Names {
    private final int maxLength;
    private final Set<String> used = new HashSet<>();

    public Names(int maxLength) {
        this.maxLength = maxLength;
    }

    /** Registers a name chosen elsewhere (a table name) so generated names never clash with it. */
    public void reserve(String name) {
        used.add(name);
    }

    /** {@code table_part1_part2_suffix}, shortened with a hash when too long, unique. */
    public String make(String table, List<String> parts, String suffix) {
        String base = table + (parts.isEmpty() ? "" : "_" + String.join("_", parts)) + "_" + suffix;
        String name = fit(base, suffix);
        String candidate = name;
        int n = 1;
        while (used.contains(candidate)) {
            String tail = Integer.toString(n++);
            candidate = fit(base + tail, suffix + tail);
        }
        used.add(candidate);
        return candidate;
    }

    private String fit(String name, String suffix) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= maxLength) {
            return name;
        }
        String hash = shortHash(name);
        String tail = "_" + hash + "_" + suffix;
        String head = name;
        while ((head + tail).getBytes(StandardCharsets.UTF_8).length > maxLength) {
            head = head.substring(0, head.length() - 1);
        }
        return head.replaceAll("_+$", "") + tail;
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
