package io.accesspath.orm.jpa.internal;

import java.util.Locale;
import java.util.Set;

/** Java names from SQL and spec names: {@code order_line} becomes {@code OrderLine} or {@code orderLine}. */
public final class JavaNames {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits");

    private JavaNames() {
    }

    /** {@code order_line} to {@code OrderLine}. */
    public static String pascal(String snake) {
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        String s = sb.toString();
        return s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0)) ? "X" + s : s;
    }

    /** {@code order_line} to {@code orderLine}; a Java keyword gets a trailing underscore. */
    public static String camel(String snake) {
        String p = pascal(snake);
        String c = Character.toLowerCase(p.charAt(0)) + p.substring(1);
        return KEYWORDS.contains(c) ? c + "_" : c;
    }

    /** Whether a string is a usable Java identifier (not a keyword). */
    public static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0)) || KEYWORDS.contains(s) || s.equals("_")) {
            return false;
        }
        return s.chars().allMatch(Character::isJavaIdentifierPart);
    }

    /** Whether a string is a Java package name: dotted identifiers. */
    public static boolean isPackageName(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.endsWith(".")) {
            return false;
        }
        for (String part : s.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    /** A Java string literal. */
    public static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
