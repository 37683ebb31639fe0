package dev.paperstream.enrich.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds base models and benchmarks named in a paper. Model names are normalized to family, version and size, so
 * {@code Llama2-7b}, {@code LLaMA-2 7B} and {@code Llama 2} are all family {@code llama-2} (size {@code 7b} where
 * given). A family name glued to other words ({@code Video-LLaMA}, {@code LLaMAntino}) is a different model and
 * does not count.
 */
public final class MentionExtractor {

    private static final String NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}]-)(?<![\\p{L}\\p{N}])";
    private static final String NOT_BEFORE_WORD = "(?![\\p{L}\\p{N}])";
    private static final String VERSION = "(?:[ -]?v?(\\d+(?:\\.\\d+)?o?)(?![\\d.]*[ -]?[bBmM]" + NOT_BEFORE_WORD
            + ")(?!x\\d)(?!\\.\\d))?";
    private static final String QUALIFIERS = "(?:[ -](?:chat|instruct|base|turbo|hf|it))*";
    private static final String SIZE = "(?:[ -]?(\\d+(?:\\.\\d+)?[bBmM]|\\d+x\\d+[bB])" + NOT_BEFORE_WORD + ")?";

    private final Pattern models;
    private final Map<String, MentionDictionary.ModelFamily> familyByAlias = new HashMap<>();
    private final List<Pattern> benchmarkPatterns = new ArrayList<>();
    private final List<MentionDictionary.Benchmark> benchmarks;

    public MentionExtractor(MentionDictionary dictionary) {
        List<String> aliases = new ArrayList<>();
        for (MentionDictionary.ModelFamily family : dictionary.models()) {
            for (String alias : family.aliases()) {
                familyByAlias.put(alias.toLowerCase(Locale.ROOT), family);
                aliases.add(Pattern.quote(alias));
            }
        }
        aliases.sort((a, b) -> b.length() - a.length());
        this.models = Pattern.compile(NOT_AFTER_WORD + "(" + String.join("|", aliases) + ")(?!\\p{L})"
                + VERSION + QUALIFIERS + SIZE, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.benchmarks = dictionary.benchmarks();
        for (MentionDictionary.Benchmark benchmark : benchmarks) {
            List<String> spellings = new ArrayList<>();
            for (String alias : benchmark.aliases()) {
                List<String> parts = new ArrayList<>();
                for (String part : alias.split("[ -]+")) {
                    parts.add(Pattern.quote(part));
                }
                spellings.add(String.join("[ -]?", parts));
            }
            int flags = benchmark.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            benchmarkPatterns.add(Pattern.compile(NOT_AFTER_WORD + "(?:" + String.join("|", spellings) + ")"
                    + NOT_BEFORE_WORD, flags));
        }
    }

    /** The distinct mentions of the texts, in order of first appearance. */
    public List<Mention> extract(String... texts) {
        Map<String, Mention> found = new LinkedHashMap<>();
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = models.matcher(text);
            while (m.find()) {
                MentionDictionary.ModelFamily family = familyByAlias.get(m.group(1).toLowerCase(Locale.ROOT));
                String version = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
                if (family == null || family.versionRequired() && version == null) {
                    continue;
                }
                String name = version == null ? family.family() : family.family() + "-" + version;
                String size = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
                found.putIfAbsent(Mention.MODEL + "|" + name + "|" + size,
                        new Mention(Mention.MODEL, name, size, m.group().trim()));
            }
            for (int i = 0; i < benchmarks.size(); i++) {
                Matcher b = benchmarkPatterns.get(i).matcher(text);
                if (b.find()) {
                    String name = benchmarks.get(i).name();
                    found.putIfAbsent(Mention.BENCHMARK + "|" + name, new Mention(Mention.BENCHMARK, name, "", b.group()));
                }
            }
        }
        return new ArrayList<>(found.values());
    }
}
