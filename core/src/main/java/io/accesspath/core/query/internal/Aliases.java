package io.accesspath.core.query.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Short table aliases for one statement: the initials of the table's words ({@code order_line}
 * becomes {@code ol}), numbered when taken, and never a word the dialect would have to quote.
 */
final class Aliases {
    private final Set<String> used = new HashSet<>();
    private final UnaryOperator<String> quote;

    Aliases(UnaryOperator<String> quote) {
        this.quote = quote;
    }

    String next(String table) {
        StringBuilder initials = new StringBuilder();
        for (String word : table.split("_")) {
            if (!word.isEmpty() && Character.isLetter(word.charAt(0))) {
                initials.append(Character.toLowerCase(word.charAt(0)));
            }
        }
        String base = initials.length() == 0 ? "t" : initials.toString();
        String alias = base;
        for (int n = 2; used.contains(alias) || !quote.apply(alias).equals(alias); n++) {
            alias = base + n;
        }
        used.add(alias);
        return alias;
    }
}
