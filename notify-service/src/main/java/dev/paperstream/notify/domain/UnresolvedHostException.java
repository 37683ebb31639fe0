package dev.paperstream.notify.domain;

/** A webhook host that does not resolve now: refused on creation, retried at send time (DNS may come back). */
public class UnresolvedHostException extends RefusedTargetException {

    public UnresolvedHostException(String reason) {
        super(reason);
    }
}
