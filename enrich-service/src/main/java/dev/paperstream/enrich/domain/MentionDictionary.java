package dev.paperstream.enrich.domain;

import java.util.List;

/**
 * The names the {@link MentionExtractor} looks for, loaded from data files so new models and benchmarks need no
 * code.
 *
 * @param models     model families
 * @param benchmarks benchmarks and data sets
 */
public record MentionDictionary(List<ModelFamily> models, List<Benchmark> benchmarks) {

    /**
     * A model family.
     *
     * @param family          normalized family name, e.g. {@code llama}
     * @param aliases         how papers spell it, e.g. {@code llama}
     * @param versionRequired true when the bare family name is too ambiguous to count (e.g. {@code GPT})
     * @param caseSensitive   true when the name is also a common word and only its capitalisation names the model
     *                        (e.g. {@code CLIP}, not an audio clip)
     */
    public record ModelFamily(String family, List<String> aliases, boolean versionRequired, boolean caseSensitive) {
    }

    /**
     * A benchmark or data set.
     *
     * @param name          normalized name, e.g. {@code mt-bench}
     * @param aliases       spellings; spaces and hyphens inside them are optional in the text
     * @param caseSensitive true when only the exact capitalisation names the benchmark (e.g. {@code MATH})
     */
    public record Benchmark(String name, List<String> aliases, boolean caseSensitive) {
    }
}
