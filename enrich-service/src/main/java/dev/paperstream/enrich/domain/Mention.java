package dev.paperstream.enrich.domain;

/**
 * A model or benchmark named in a paper.
 *
 * @param kind {@code model} or {@code benchmark}
 * @param name normalized name: a model family with its version ({@code llama-2}, {@code gpt-4o}) or a benchmark
 * @param size parameter count as written, normalized ({@code 7b}, {@code 8x7b}); empty when not given
 * @param text the words of the paper that named it, as written
 */
public record Mention(String kind, String name, String size, String text) {

    public static final String MODEL = "model";
    public static final String BENCHMARK = "benchmark";
}
