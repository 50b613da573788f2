package io.accesspath.postgres;

class EmbeddedRoundTripIT extends RoundTripContract {
    @Override
    TestDatabases.Target target() {
        return TestDatabases.Target.EMBEDDED;
    }
}
