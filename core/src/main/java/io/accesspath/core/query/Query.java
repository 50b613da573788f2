package io.accesspath.core.query;

import io.accesspath.core.spec.AccessPattern;
import io.accesspath.core.spec.Rate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The query of one access pattern: its SQL, every parameter described as data, the columns it
 * returns, the plan the design expects, and notes on the choices made in the SQL.
 *
 * @param name          the access pattern's name
 * @param description   the pattern's description, if it has one
 * @param frequency     how often the pattern runs
 * @param latencyP95Ms  the pattern's p95 latency target, if it has one
 * @param table         the pattern's own table (the rows it returns)
 * @param page          page size and style, if the pattern pages
 * @param firstPage     the statement (for a paged pattern, the one for the first page)
 * @param nextPage      for keyset paging, the statement for every later page: the first page's
 *                      conditions plus "after the last row's cursor values"
 * @param parameters    every parameter of either statement, in order of first use
 * @param resultColumns the labels of the columns returned, in order
 * @param expected      the plan the design expects
 * @param notes         why the SQL is written as it is (paging, fetches, implicit conditions),
 *                      one sentence each
 */
public record Query(String name, Optional<String> description, Rate frequency, OptionalDouble latencyP95Ms,
                    String table, Optional<AccessPattern.Page> page, QuerySql firstPage, Optional<QuerySql> nextPage,
                    List<Parameter> parameters, List<String> resultColumns, ExpectedPlan expected, List<String> notes) {

    public Query {
        parameters = List.copyOf(parameters);
        resultColumns = List.copyOf(resultColumns);
        notes = List.copyOf(notes);
    }

    /** The parameter with this name. */
    public Optional<Parameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** The parameters with this role, in order. */
    public List<Parameter> parametersWith(ParameterRole role) {
        return parameters.stream().filter(p -> p.role() == role).toList();
    }
}
