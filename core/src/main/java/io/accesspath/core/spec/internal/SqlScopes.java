package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.parser.SimpleNode;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Join;

/**
 * The tables of one SELECT: the FROM entity and each joined entity, by alias, with the
 * relationship path that leads to it ({@code customer}, {@code lines.product}). Resolves the
 * columns written in the SQL to the pattern's names: {@code o.status} to {@code status},
 * {@code c.country} to {@code customer.country}, {@code customer_id} to {@code customer}.
 */
final class SqlScopes {
    private static final String ID_SUFFIX = "_id";

    /** A table of the query: an entity reached by {@code path} (empty for the FROM entity), under an alias. */
    private record Scope(Model.EntityInfo entity, String path, String alias) {}

    private record Candidate(Scope from, Model.Navigation navigation) {
        String path() {
            return from.path().isEmpty() ? navigation.name() : from.path() + "." + navigation.name();
        }
    }

    private final SqlContext ctx;
    private final Map<String, Scope> byAlias = new LinkedHashMap<>();
    private Scope main;

    SqlScopes(SqlContext ctx) {
        this.ctx = ctx;
    }

    /** The FROM table: the pattern's entity. */
    Optional<Ref> from(Table table) {
        Optional<Model.EntityInfo> entity = entity(table);
        entity.ifPresent(e -> {
            main = new Scope(e, "", aliasOf(table));
            byAlias.put(main.alias(), main);
        });
        return entity.map(e -> new Ref(e.name, ctx.locOf(table)));
    }

    /** A JOIN: the relationship it follows, as a fetch path. */
    Optional<Ref> join(Join join) {
        if (!(join.getFromItem() instanceof Table table)) {
            ctx.unsupported(join.getFromItem(), "JOIN must name an entity", "join entities, e.g. JOIN customer c ON ...");
            return Optional.empty();
        }
        if (join.isSimple() || join.isCross() || join.isNatural() || join.isRight() || join.isFull()
                || (join.getUsingColumns() != null && !join.getUsingColumns().isEmpty()) || join.getOnExpressions().isEmpty()) {
            ctx.unsupported(table, "this kind of join", "write JOIN or LEFT JOIN with ON");
            return Optional.empty();
        }
        Optional<Model.EntityInfo> target = entity(table);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        List<Column> onColumns = new ArrayList<>();
        join.getOnExpressions().forEach(on -> onColumns.addAll(columnsIn(on)));
        Optional<Candidate> chosen = choose(table, target.get(), onColumns);
        chosen.ifPresent(c -> byAlias.put(aliasOf(table), new Scope(target.get(), c.path(), aliasOf(table))));
        if (chosen.isPresent()) {
            onColumns.forEach(column -> scopeOf(column).ifPresent(scope ->
                    ctx.resolver().column(scope.entity(), columnName(scope, column), columnLoc(column))));
        }
        return chosen.map(c -> new Ref(c.path(), ctx.locOf(table)));
    }

    private Optional<Candidate> choose(Table table, Model.EntityInfo target, List<Column> onColumns) {
        String alias = aliasOf(table);
        List<Candidate> candidates = new ArrayList<>();
        for (Scope scope : byAlias.values()) {
            scope.entity().navigations.values().stream().filter(n -> n.target().equals(target.name))
                    .forEach(n -> candidates.add(new Candidate(scope, n)));
        }
        List<Candidate> namedInOn = candidates.stream()
                .filter(c -> onColumns.stream().anyMatch(column -> names(c, column, alias))).toList();
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        if (namedInOn.size() == 1) {
            return Optional.of(namedInOn.get(0));
        }
        if (candidates.isEmpty()) {
            ctx.problems().add(ctx.locOf(table), "no relationship leads to entity '" + target.name + "' in "
                    + ctx.context(), "declare the relationship under 'relationships'");
        } else {
            Candidate first = candidates.get(0);
            String holder = holdsReference(first) ? first.from().alias() : alias;
            String other = holdsReference(first) ? alias : first.from().alias();
            ctx.problems().add(ctx.locOf(table), "ambiguous join of entity '" + target.name + "' in " + ctx.context()
                    + ": it is reached by " + candidates.stream().map(Candidate::path).collect(Collectors.joining(", ")),
                    "name the reference in ON, e.g. ON " + holder + "." + first.navigation().reference().orElse("id")
                            + " = " + other + ".id");
        }
        return Optional.empty();
    }

    /** Whether the scope the candidate starts from holds the reference it follows (a to-one walk). */
    private static boolean holdsReference(Candidate candidate) {
        return candidate.navigation().holder().equals(candidate.from().entity().name) && !candidate.navigation().toMany();
    }

    /**
     * Whether an ON column names the candidate's reference ({@code o.customer} or
     * {@code o.customer_id}), qualified by the table that holds it, or unqualified.
     */
    private static boolean names(Candidate candidate, Column column, String joinedAlias) {
        Optional<String> reference = candidate.navigation().reference();
        if (reference.isEmpty() || !stripId(column.getUnquotedColumnName().toLowerCase(Locale.ROOT)).equals(reference.get())) {
            return false;
        }
        if (column.getTable() == null || column.getTable().getName() == null) {
            return true;
        }
        String qualifier = column.getTable().getUnquotedName().toLowerCase(Locale.ROOT);
        boolean selfReference = candidate.navigation().target().equals(candidate.from().entity().name);
        String holder = holdsReference(candidate) ? candidate.from().alias() : joinedAlias;
        return qualifier.equals(holder) || selfReference;
    }

    private static String stripId(String name) {
        return name.endsWith(ID_SUFFIX) ? name.substring(0, name.length() - ID_SUFFIX.length()) : name;
    }

    /** Whether {@code table} (as a qualifier, e.g. {@code o.*}) is the FROM entity. */
    boolean isMain(Table table) {
        return main != null && byAlias.get(table.getUnquotedName().toLowerCase(Locale.ROOT)) == main;
    }

    /**
     * A column in a WHERE condition, as the pattern names it: {@code status}, or
     * {@code customer.country} for a joined entity.
     */
    Optional<Ref> filterColumn(Column column) {
        return scopeOf(column).map(scope -> {
            String name = columnName(scope, column);
            return new Ref(scope.path().isEmpty() ? name : scope.path() + "." + name, columnLoc(column));
        });
    }

    /**
     * A column listed in {@code clause} (SELECT, ORDER BY, GROUP BY, an aggregate). Columns of
     * joined entities are fetched already, so SELECT skips them; elsewhere they keep their path
     * (and the pattern check reports them).
     */
    Optional<Ref> ownColumn(Column column, String clause) {
        Optional<Scope> scope = scopeOf(column);
        if (scope.isEmpty() || (scope.get() != main && clause.equals("SELECT"))) {
            return Optional.empty();
        }
        return filterColumn(column);
    }

    private Optional<Scope> scopeOf(Column column) {
        Table qualifier = column.getTable();
        if (qualifier != null && qualifier.getName() != null) {
            Scope scope = byAlias.get(qualifier.getUnquotedName().toLowerCase(Locale.ROOT));
            if (scope == null) {
                ctx.problems().add(ctx.locOf(column), "unknown table or alias '" + qualifier.getName() + "' in "
                        + ctx.context(), Suggestions.didYouMean(qualifier.getName(), byAlias.keySet()).orElse(
                                "tables in the query: " + String.join(", ", byAlias.keySet())));
            }
            return Optional.ofNullable(scope);
        }
        String name = column.getUnquotedColumnName();
        if (main == null || main.entity().column(name).isPresent() || main.entity().column(stripId(name)).isPresent()) {
            return Optional.ofNullable(main);
        }
        List<Scope> having = byAlias.values().stream().filter(s -> s.entity().column(name).isPresent()).toList();
        return Optional.of(having.size() == 1 ? having.get(0) : main);
    }

    /** The column's name in the model, {@code customer} for a written {@code customer_id}. */
    private String columnName(Scope scope, Column column) {
        String name = column.getUnquotedColumnName();
        if (scope.entity().column(name).isEmpty() && name.endsWith(ID_SUFFIX)) {
            Optional<Model.Column> reference = scope.entity().column(stripId(name))
                    .filter(c -> c.kind() == Model.ColumnKind.REFERENCE);
            if (reference.isPresent()) {
                return reference.get().name();
            }
        }
        return name;
    }

    private Optional<Model.EntityInfo> entity(Table table) {
        String name = table.getUnquotedName();
        Optional<Model.EntityInfo> entity = ctx.model().entityOfTable(name).flatMap(ctx.model()::entity);
        if (entity.isEmpty()) {
            List<String> names = new ArrayList<>(ctx.model().entityNames());
            ctx.model().tableNames().stream().filter(t -> !names.contains(t)).forEach(names::add);
            ctx.problems().add(ctx.locOf(table), "unknown entity '" + name + "' in " + ctx.context(),
                    Suggestions.didYouMean(name, names).orElse("entities: " + String.join(", ", ctx.model().entityNames())));
        }
        return entity;
    }

    private static String aliasOf(Table table) {
        String alias = table.getAlias() != null ? table.getAlias().getName() : table.getUnquotedName();
        return alias.toLowerCase(Locale.ROOT);
    }

    /** Where the column's own name is written (after its qualifier, if any). */
    Loc columnLoc(Column column) {
        SimpleNode node = column.getASTNode();
        Token last = node == null ? null : node.jjtGetLastToken();
        return last == null ? ctx.locOf(column) : ctx.locator().loc(last.beginLine, last.beginColumn);
    }

    /** Every column an expression mentions. */
    static List<Column> columnsIn(Expression expression) {
        List<Column> columns = new ArrayList<>();
        expression.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                columns.add(column);
                return null;
            }
        }, null);
        return columns;
    }
}
