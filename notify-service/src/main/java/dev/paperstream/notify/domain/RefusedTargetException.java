package dev.paperstream.notify.domain;

/** A webhook URL this service will not send to; the message says why, for the client. */
public class RefusedTargetException extends RuntimeException {

    public RefusedTargetException(String reason) {
        super(reason);
    }
}
