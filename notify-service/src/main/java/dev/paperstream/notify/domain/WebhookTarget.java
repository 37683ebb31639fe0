package dev.paperstream.notify.domain;

import java.net.InetAddress;
import java.net.URI;

/**
 * Where a delivery goes: the URL as the subscriber gave it, and the address it resolved to when checked. The request
 * connects to that address (the name still goes in Host and TLS SNI), so a name that resolves elsewhere a moment later
 * (DNS rebinding) cannot move it.
 */
public record WebhookTarget(URI url, String host, int port, boolean https, InetAddress address) {

    /** The path and query to request, never empty. */
    public String requestTarget() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
