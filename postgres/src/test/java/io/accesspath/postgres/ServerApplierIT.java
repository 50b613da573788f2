package io.accesspath.postgres;

class ServerApplierIT extends ApplierContract {
    @Override
    TestDatabases.Target target() {
        return TestDatabases.Target.SERVER;
    }
}
