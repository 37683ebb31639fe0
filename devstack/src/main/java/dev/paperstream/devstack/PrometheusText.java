package dev.paperstream.devstack;

import java.util.Arrays;

/** Reads one sample out of a Prometheus text exposition, as a scraper would see it. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The sum of every sample of {@code name} whose labels include all of {@code labels} (each written as
     * {@code key="value"}); 0 when there is none, as for a counter never incremented.
     */
    public static double sum(String exposition, String name, String... labels) {
        return exposition.lines()
                .filter(line -> !line.startsWith("#"))
                .map(PrometheusText::withoutExemplar)
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(PrometheusText::value)
                .sum();
    }

    /**
     * OpenMetrics may append an exemplar ({@code # {trace_id="…"} 1.0 1796192447.5}) when the sample was recorded
     * inside a traced span; its braces and value are not the sample's.
     */
    private static String withoutExemplar(String line) {
        int exemplar = line.indexOf(" # {");
        return exemplar < 0 ? line : line.substring(0, exemplar);
    }

    /** The sample's value: the first field after the labels; a timestamp may follow it. */
    private static double value(String line) {
        int labelsEnd = line.lastIndexOf('}');
        String rest = line.substring(labelsEnd >= 0 ? labelsEnd + 1 : line.indexOf(' ')).strip();
        return Double.parseDouble(rest.split("\\s+")[0]);
    }

    /** Whether any sample of {@code name} is exposed at all. */
    public static boolean has(String exposition, String name) {
        return exposition.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
    }
}
