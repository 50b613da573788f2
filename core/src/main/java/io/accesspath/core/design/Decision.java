package io.accesspath.core.design;

import java.util.List;
import java.util.Optional;

/**
 * One reasoned choice, as data: what was chosen, the patterns or rules that caused it, the
 * alternatives weighed and the trade-off. design.md, design.json and MCP answers are renderings
 * of decisions.
 *
 * @param id           stable identifier ({@code index:orders_customer_status_placed_at_idx})
 * @param kind         what sort of choice
 * @param subject      what it is about (a table, {@code table.column}, an index name)
 * @param choice       what was chosen, in a few words or as SQL
 * @param patterns     the access patterns behind it
 * @param rules        the design rules behind it ({@code fk.owned-cascade})
 * @param reason       why, in one or two sentences
 * @param alternatives options weighed and why they lost
 * @param cost         the trade-off in numbers, where there is one
 * @param applied      false for proposals the user must opt into (denormalization, document
 *                     model, partitioning)
 * @param sql          SQL that applies a proposal, where there is one
 */
public record Decision(String id, Kind kind, String subject, String choice, List<String> patterns, List<String> rules,
                       String reason, List<Alternative> alternatives, Optional<Cost> cost, boolean applied,
                       Optional<String> sql) {

    public Decision {
        patterns = List.copyOf(patterns);
        rules = List.copyOf(rules);
        alternatives = List.copyOf(alternatives);
    }

    public enum Kind {
        TABLE, KEY, COLUMN_TYPE, CONSTRAINT, FOREIGN_KEY, INDEX, INDEX_NOT_CREATED, INDEX_MERGED,
        DENORMALIZATION, DOCUMENT_MODEL, PARTITIONING, VERSION, NAMING, STORAGE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** An option that was weighed, and the verdict on it. */
    public record Alternative(String option, String verdict) {}

    /**
     * The trade-off in numbers.
     *
     * @param sizeBytes          estimated size at the declared volume
     * @param writesPerSecond    index entries (or rows) written per second from the write
     *                           patterns
     * @param writeAmplification extra page writes per row write, relative to the heap alone
     * @param readGain           what the read side gains, in words with numbers
     * @param writeCost          what the write side pays, in words with numbers
     */
    public record Cost(long sizeBytes, double writesPerSecond, double writeAmplification, String readGain,
                       String writeCost) {}
}
