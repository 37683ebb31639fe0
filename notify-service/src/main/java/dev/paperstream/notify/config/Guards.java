package dev.paperstream.notify.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import dev.paperstream.notify.domain.HostResolver;
import dev.paperstream.notify.domain.TargetPolicy;
import io.quarkus.logging.Log;

/** The SSRF guard as configured, for the resource (on creation) and the dispatcher (before every attempt). */
public class Guards {

    @Produces
    @ApplicationScoped
    TargetPolicy targetPolicy(NotifyConfig config) {
        if (config.allowPrivate()) {
            Log.warn("PAPERSTREAM_WEBHOOKS_ALLOW_PRIVATE=true: webhooks may target loopback and private addresses "
                    + "and plain http; keep it for local runs and tests");
        }
        return new TargetPolicy(config.allowPrivate(), HostResolver.SYSTEM);
    }
}
