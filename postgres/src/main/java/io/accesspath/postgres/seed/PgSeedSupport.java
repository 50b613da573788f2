package io.accesspath.postgres.seed;

import io.accesspath.core.db.Database;
import io.accesspath.core.seed.RowEncoder;
import io.accesspath.core.seed.SeedLoader;
import io.accesspath.core.seed.SeedSupport;
import io.accesspath.core.seed.TableSeed;

/**
 * PostgreSQL's seeding: COPY in the binary format (text for tables with ranges or types that
 * differ from the design), psql scripts of {@code COPY ... FROM stdin} blocks, and loading
 * through pgjdbc's CopyManager.
 */
public final class PgSeedSupport implements SeedSupport {
    private static final PgSeedScript SCRIPT = new PgSeedScript();

    @Override
    public boolean binaryCapable(TableSeed table, int[] projection) {
        return CopyBinaryEncoder.capable(table.columns(), projection);
    }

    @Override
    public RowEncoder encoder(TableSeed table, int[] projection, boolean binary) {
        return binary ? new CopyBinaryEncoder(table.columns(), projection)
                : new CopyTextEncoder(table.columns(), projection);
    }

    @Override
    public boolean sameType(String designType, String databaseType) {
        return PgTypes.same(designType, databaseType);
    }

    @Override
    public ScriptFormat script() {
        return SCRIPT;
    }

    @Override
    public SeedLoader loader(Database database) {
        return new PgSeedLoader(database);
    }
}
