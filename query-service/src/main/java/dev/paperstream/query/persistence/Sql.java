package dev.paperstream.query.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SQL text built from fixed fragments, with every value kept apart as a bind parameter. */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    Sql append(String fragment, Object... values) {
        text.append(fragment).append('\n');
        parameters.addAll(Arrays.asList(values));
        return this;
    }

    String text() {
        return text.toString();
    }

    List<Object> parameters() {
        return parameters;
    }
}
