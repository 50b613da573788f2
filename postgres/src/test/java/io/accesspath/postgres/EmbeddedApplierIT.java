package io.accesspath.postgres;

class EmbeddedApplierIT extends ApplierContract {
    @Override
    TestDatabases.Target target() {
        return TestDatabases.Target.EMBEDDED;
    }
}
