package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Reads an access pattern written as SQL over the logical model (entity names as tables,
 * attribute and relationship names as columns) into the parts of a pattern. SQL errors and
 * constructs outside the supported subset are problems located in the file, inside the SQL.
 */
final class SqlPatternReader {
    /** JavaCC's lexical errors: where the scan stopped, and the text of the token it could not finish. */
    private static final Pattern LEXICAL_ERROR = Pattern.compile(
            "line (\\d+), column (\\d+)\\.(?:.*after prefix \"(.*)\")?", Pattern.DOTALL);

    private final Source source;
    private final Resolver resolver;
    private final Problems problems;

    SqlPatternReader(Source source, Resolver resolver, Problems problems) {
        this.source = source;
        this.resolver = resolver;
        this.problems = problems;
    }

    /**
     * Parses {@code sql}, the value of {@code node}, for the pattern named by {@code context},
     * whose item may also give a page.
     */
    PatternDraft.Query read(String sql, Node node, String context, Optional<PatternReader.PageSpec> page) {
        SqlLocator locator = SqlLocator.of(source, node.loc(), sql);
        Optional<Statement> statement = parse(sql, locator, context);
        if (statement.isEmpty()) {
            return PatternDraft.Query.NONE;
        }
        if (!(statement.get() instanceof PlainSelect select)) {
            String hint = statement.get() instanceof Select ? "write a single SELECT (no UNION, INTERSECT, EXCEPT or VALUES)"
                    : "describe reads with a SELECT, writes with write_patterns";
            problems.add(locator.locAt(0), "unsupported SQL in " + context + ": only a single SELECT is supported", hint);
            return PatternDraft.Query.NONE;
        }
        return new SqlSelectReader(select, new SqlContext(locator, context, resolver, problems)).read(page);
    }

    private Optional<Statement> parse(String sql, SqlLocator locator, String context) {
        try {
            CCJSqlParser parser = new CCJSqlParser(sql);
            Statement statement = parser.Statement();
            Token next = parser.getNextToken();
            if (next != null && next.kind != 0) {
                problems.add(locator.loc(next.beginLine, next.beginColumn), "invalid SQL in " + context
                        + ": more than one statement", "write one SELECT per access pattern");
                return Optional.empty();
            }
            return Optional.of(statement);
        } catch (ParseException e) {
            Token bad = e.currentToken == null ? null : e.currentToken.next;
            if (bad == null || bad.kind == 0) {
                problems.add(bad == null ? locator.locAt(0) : locator.end(), "invalid SQL in " + context
                        + ": unexpected end of the statement");
            } else {
                problems.add(locator.loc(bad.beginLine, bad.beginColumn), "invalid SQL in " + context
                        + ": unexpected '" + bad.image + "'");
            }
        } catch (TokenMgrException e) {
            problems.add(lexicalErrorLoc(String.valueOf(e.getMessage()), locator), "invalid SQL in " + context
                    + ": unreadable text (an unclosed quote?)");
        }
        return Optional.empty();
    }

    /** Where the token that could not be read starts (an unclosed quote: the quote). */
    private static Loc lexicalErrorLoc(String message, SqlLocator locator) {
        Matcher m = LEXICAL_ERROR.matcher(message);
        if (!m.find()) {
            return locator.locAt(0);
        }
        int stoppedAt = locator.offset(Integer.parseInt(m.group(1)), Math.max(1, Integer.parseInt(m.group(2))));
        String prefix = m.group(3) == null ? "" : m.group(3).replace("\\n", "\n").replaceAll("\\\\(.)", "$1");
        return locator.locAt(Math.max(0, stoppedAt - prefix.length()));
    }
}
