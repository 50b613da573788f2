package io.accesspath.postgres;

import io.accesspath.core.db.ConnectOptions;
import io.accesspath.core.db.Database;
import io.accesspath.core.db.Statement;
import io.accesspath.core.dialect.DesignDialect;
import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.schema.Schema;
import io.accesspath.core.seed.SeedSupport;
import io.accesspath.postgres.internal.PgUrl;
import io.accesspath.postgres.seed.PgSeedSupport;
import java.util.List;
import java.util.Map;

/** PostgreSQL (14 to 18). Found by {@link io.accesspath.core.dialect.Dialects} under id {@value #ID}. */
public final class PgDialect implements Dialect {
    /** The dialect's id. */
    public static final String ID = "postgresql";
    /** The one instance (the dialect is stateless); ServiceLoader makes others, which behave the same. */
    public static final PgDialect INSTANCE = new PgDialect();
    private static final PgDesignDialect DESIGN = new PgDesignDialect();
    private static final PgSeedSupport SEEDING = new PgSeedSupport();

    /** For {@link java.util.ServiceLoader}; use {@link #INSTANCE}. */
    public PgDialect() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return PgIdentifiers.quote(identifier);
    }

    @Override
    public DesignDialect designDialect() {
        return DESIGN;
    }

    @Override
    public String quoteLiteral(String value) {
        return PgLiterals.quote(value);
    }

    @Override
    public List<Statement> renderDdl(Schema schema) {
        return PgDdl.render(schema);
    }

    @Override
    public String renderScript(Schema schema, Map<String, List<String>> comments) {
        return PgDdl.script(schema, comments);
    }

    @Override
    public boolean acceptsUrl(String url) {
        return PgUrl.accepts(url);
    }

    @Override
    public Database connect(String url, ConnectOptions options) {
        return PgUrlDatabase.connect(url, options);
    }

    @Override
    public SeedSupport seeding() {
        return SEEDING;
    }

    @Override
    public io.accesspath.core.verify.VerifyDriver verifier(Database database, Schema schema, long seed) {
        return new PgVerifyDriver(database, schema, seed);
    }

    @Override
    public Database startEmbedded() {
        return PgEmbeddedDatabase.start();
    }
}
