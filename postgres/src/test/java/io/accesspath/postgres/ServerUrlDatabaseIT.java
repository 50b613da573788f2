package io.accesspath.postgres;

class ServerUrlDatabaseIT extends UrlDatabaseContract {
    @Override
    TestDatabases.Target target() {
        return TestDatabases.Target.SERVER;
    }
}
