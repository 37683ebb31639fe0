package dev.paperstream.ingest.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The one switch an operator flips to turn tracing on. */
public class TracingOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false");
    }
}
