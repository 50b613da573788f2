package io.accesspath.core.plan.internal;

import io.accesspath.core.error.Loc;
import io.accesspath.core.error.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes the decoration of psql and similar clients off pasted EXPLAIN output, keeping line
 * numbers: the {@code QUERY PLAN} header and its dashed rule, the {@code (N rows)} footer (and a
 * {@code Time:} line of {@code \timing} after it), the border space at the start of each row, the
 * {@code +} marks of multi-line values, the {@code .} marks of {@code \pset format wrapped}, and
 * the double quotes of a pgAdmin CSV copy.
 */
final class PsqlInput {
    private static final Pattern RULE = Pattern.compile("^-[-+]*$");
    private static final Pattern FOOTER = Pattern.compile("^\\(\\d+ rows?\\)$");
    private static final Pattern TIMING = Pattern.compile("^Time: .*");

    private PsqlInput() {
    }

    static List<SourceLine> lines(String input, String source) {
        String[] raw = input.startsWith("\uFEFF") ? input.substring(1).split("\r?\n", -1) : input.split("\r?\n", -1);
        List<SourceLine> lines = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            lines.add(new SourceLine(i + 1, 0, raw[i]));
        }
        List<SourceLine> unquoted = unquoteCsv(lines);
        boolean csv = unquoted != lines;
        lines = unquoted;
        int start = firstNonBlank(lines, 0);
        boolean framed = false;
        if (start < lines.size() && lines.get(start).text().strip().equals("QUERY PLAN")) {
            framed = true;
            start++;
            if (start < lines.size() && RULE.matcher(lines.get(start).text().strip()).matches()) {
                start++;
            }
        }
        int end = footer(lines, start, source);
        List<SourceLine> content = lines.subList(start, end);
        boolean plusMarks = framed || plusMarked(content);
        return undecorate(content, framed && !csv, plusMarks);
    }

    private static List<SourceLine> unquoteCsv(List<SourceLine> lines) {
        boolean quoted = lines.stream().anyMatch(l -> !l.isBlank()) && lines.stream()
                .filter(l -> !l.isBlank())
                .allMatch(l -> l.text().strip().length() >= 2 && l.text().strip().startsWith("\"")
                        && l.text().strip().endsWith("\""));
        if (!quoted) {
            return lines;
        }
        return lines.stream().map(l -> {
            if (l.isBlank()) {
                return l;
            }
            int open = l.text().indexOf('"');
            String inner = l.text().strip();
            inner = inner.substring(1, inner.length() - 1).replace("\"\"", "\"");
            return new SourceLine(l.number(), open + 1, inner);
        }).toList();
    }

    private static int firstNonBlank(List<SourceLine> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    /** Index of the footer line, or the size; rejects text other than a timing line after it. */
    private static int footer(List<SourceLine> lines, int start, String source) {
        for (int i = start; i < lines.size(); i++) {
            if (FOOTER.matcher(lines.get(i).text().strip()).matches()) {
                for (int j = i + 1; j < lines.size(); j++) {
                    SourceLine after = lines.get(j);
                    if (!after.isBlank() && !TIMING.matcher(after.text().strip()).matches()) {
                        throw UserError.invalid(Loc.of(source, after.number(), after.indent() + 1),
                                "text after the end of the plan", "give one EXPLAIN output per input");
                    }
                }
                return i;
            }
        }
        return lines.size();
    }

    /** True when every non-blank line but the last ends with psql's "+" continuation mark. */
    private static boolean plusMarked(List<SourceLine> content) {
        List<SourceLine> nonBlank = content.stream().filter(l -> !l.isBlank()).toList();
        if (nonBlank.size() < 2) {
            return false;
        }
        return nonBlank.subList(0, nonBlank.size() - 1).stream().allMatch(l -> l.text().stripTrailing().endsWith("+"));
    }

    private static List<SourceLine> undecorate(List<SourceLine> content, boolean framed, boolean plusMarks) {
        List<SourceLine> out = new ArrayList<>();
        for (SourceLine line : content) {
            String text = line.text();
            if (framed && text.startsWith(".") && !out.isEmpty() && out.get(out.size() - 1).text().endsWith(".")) {
                SourceLine previous = out.remove(out.size() - 1);
                String joined = previous.text().substring(0, previous.text().length() - 1) + text.substring(1);
                out.add(new SourceLine(previous.number(), previous.offset(), joined));
                continue;
            }
            int offset = line.offset();
            if (framed && text.startsWith(" ")) {
                text = text.substring(1);
                offset++;
            }
            text = text.stripTrailing();
            if (plusMarks && text.endsWith("+")) {
                text = text.substring(0, text.length() - 1).stripTrailing();
            }
            out.add(new SourceLine(line.number(), offset, text));
        }
        return out;
    }
}
