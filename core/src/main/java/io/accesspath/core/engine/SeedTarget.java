package io.accesspath.core.engine;

import io.accesspath.core.db.Database;
import java.nio.file.Path;

/** Where seed data goes. */
public sealed interface SeedTarget {
    /** The short name of the target's format: {@code load}, {@code sql} or {@code csv}. */
    String format();

    /**
     * Straight into a database with its bulk loader, one transaction per table.
     *
     * @param createSchema create the designed schema first (a fresh embedded database); otherwise
     *                     the database must already hold it, and it is compared with the design
     * @param truncate     empty the tables first; otherwise tables holding rows are refused
     * @param deferIndexes create secondary indexes after loading (only with {@code createSchema}:
     *                     indexes of a user's database are never dropped)
     */
    record Load(Database database, boolean createSchema, boolean truncate, boolean deferIndexes) implements SeedTarget {
        @Override
        public String format() {
            return "load";
        }
    }

    /** A script ({@code seed.sql}) in {@code directory} that the dialect's client runs. */
    record SqlScript(Path directory) implements SeedTarget {
        public static final String FILE = "seed.sql";

        @Override
        public String format() {
            return "sql";
        }
    }

    /** One CSV file per table in {@code directory}, and {@code load-order.txt} listing them in load order. */
    record CsvFiles(Path directory) implements SeedTarget {
        public static final String LOAD_ORDER = "load-order.txt";

        @Override
        public String format() {
            return "csv";
        }
    }
}
