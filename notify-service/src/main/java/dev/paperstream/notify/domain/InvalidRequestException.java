package dev.paperstream.notify.domain;

/** A request field this service refuses; {@code parameter} names it ({@code url}, {@code filter.topic}, ...). */
public class InvalidRequestException extends RuntimeException {

    private final String parameter;

    public InvalidRequestException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
