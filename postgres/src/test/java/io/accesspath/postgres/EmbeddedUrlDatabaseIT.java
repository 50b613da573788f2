package io.accesspath.postgres;

class EmbeddedUrlDatabaseIT extends UrlDatabaseContract {
    @Override
    TestDatabases.Target target() {
        return TestDatabases.Target.EMBEDDED;
    }
}
