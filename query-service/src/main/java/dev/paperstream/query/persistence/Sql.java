package dev.paperstream.query.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** SQL text built from fixed fragments, with every value kept apart as a bind parameter. */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();
    private boolean customPlan;

    Sql append(String fragment, Object... values) {
        text.append(fragment).append('\n');
        parameters.addAll(Arrays.asList(values));
        return this;
    }

    /**
     * Plans this statement with its actual values every time instead of reusing a generic plan: how selective a
     * search text or a topic is decides between the GIN index and the recency index.
     */
    Sql planWithValues() {
        customPlan = true;
        return this;
    }

    boolean customPlan() {
        return customPlan;
    }

    String text() {
        return text.toString();
    }

    List<Object> parameters() {
        return parameters;
    }
}
