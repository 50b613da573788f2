package io.accesspath.orm.jpa.internal;

import java.util.Set;
import java.util.TreeSet;

/** One Java source file being written: its package, the imports its body uses, and the body. */
public final class JavaFile {
    private static final int WIDTH = 120;
    private final String javaPackage;
    private final Set<String> imports = new TreeSet<>();
    private final StringBuilder body = new StringBuilder();

    public JavaFile(String javaPackage) {
        this.javaPackage = javaPackage;
    }

    /** The simple name of a type, importing it unless it is in java.lang or this package. */
    public String type(String qualified) {
        if (qualified.endsWith("[]")) {
            return type(qualified.substring(0, qualified.length() - 2)) + "[]";
        }
        int lt = qualified.indexOf('<');
        if (lt >= 0) {
            String raw = type(qualified.substring(0, lt));
            String[] args = qualified.substring(lt + 1, qualified.length() - 1).split(",\\s*");
            StringBuilder sb = new StringBuilder(raw).append('<');
            for (int i = 0; i < args.length; i++) {
                sb.append(i > 0 ? ", " : "").append(type(args[i]));
            }
            return sb.append('>').toString();
        }
        int dot = qualified.lastIndexOf('.');
        if (dot < 0) {
            return qualified;
        }
        String pkg = qualified.substring(0, dot);
        if (!pkg.equals("java.lang") && !pkg.equals(javaPackage)) {
            imports.add(qualified);
        }
        return qualified.substring(dot + 1);
    }

    /** {@code @Name}, imported. */
    public String ann(String qualified) {
        return "@" + type(qualified);
    }

    public JavaFile line(String text) {
        body.append(text).append('\n');
        return this;
    }

    public JavaFile blank() {
        body.append('\n');
        return this;
    }

    /** A javadoc comment at the given indentation, its lines wrapped at {@value #WIDTH} characters. */
    public JavaFile javadoc(String indent, java.util.List<String> lines) {
        body.append(indent).append("/**\n");
        for (String l : lines) {
            if (l.isEmpty()) {
                body.append(indent).append(" *\n");
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (String word : l.split(" ")) {
                if (line.length() > 0 && indent.length() + 3 + line.length() + 1 + word.length() > WIDTH) {
                    body.append(indent).append(" * ").append(line).append('\n');
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            body.append(indent).append(" * ").append(line).append('\n');
        }
        body.append(indent).append(" */\n");
        return this;
    }

    /**
     * A method declaration ({@code indent result name(params)} plus {@code end}), with one parameter
     * a line when it would not fit in {@value #WIDTH} characters.
     */
    public JavaFile signature(String indent, String head, java.util.List<String> params, String end) {
        String oneLine = indent + head + "(" + String.join(", ", params) + ")" + end;
        if (oneLine.length() <= WIDTH || params.isEmpty()) {
            return line(oneLine);
        }
        line(indent + head + "(");
        for (int i = 0; i < params.size(); i++) {
            line(indent + "        " + params.get(i) + (i < params.size() - 1 ? "," : ")" + end));
        }
        return this;
    }

    public String render() {
        StringBuilder sb = new StringBuilder("package ").append(javaPackage).append(";\n\n");
        for (String i : imports) {
            sb.append("import ").append(i).append(";\n");
        }
        if (!imports.isEmpty()) {
            sb.append('\n');
        }
        return sb.append(body).toString();
    }
}
