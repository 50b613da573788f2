package io.accesspath.postgres;

class ServerRoundTripIT extends RoundTripContract {
    @Override
    TestDatabases.Target target() {
        return TestDatabases.Target.SERVER;
    }
}
