package dev.paperstream.enrich.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paperstream.enrich.persistence.RulesJson;
import dev.paperstream.enrich.support.SampleDigest;

/** Tagging quality of the default taxonomy against the hand labels of the shared dev set. */
class TopicQualityTest {

    @Test
    void defaultTaxonomyReachesMicroF1OnTheDevLabels() throws IOException {
        Map<String, SampleDigest.Entry> byTitle = SampleDigest.entries().stream()
                .collect(Collectors.toMap(SampleDigest.Entry::title, Function.identity(), (a, b) -> a));
        Enricher enricher = new Enricher(new TopicTagger(RulesJson.defaultTopics()),
                new MentionExtractor(RulesJson.defaultMentions()));
        ObjectMapper json = new ObjectMapper();
        Map<String, int[]> counts = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int labelled = 0;
        for (String line : Files.readAllLines(SampleDigest.sharedDir().resolve("eval/topics-dev.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode label = json.readTree(line);
            SampleDigest.Entry entry = byTitle.get(label.path("title").asText());
            assertThat(entry).as("labelled title in the sample digest: %s", label.path("title").asText()).isNotNull();
            labelled++;
            Set<String> expected = new TreeSet<>();
            label.path("topics").forEach(t -> expected.add(t.asText()));
            Set<String> predicted = new TreeSet<>();
            enricher.topics(entry.title(), entry.abstractText()).forEach(m -> predicted.add(m.slug()));
            for (String slug : union(expected, predicted)) {
                int[] c = counts.computeIfAbsent(slug, s -> new int[3]);
                boolean e = expected.contains(slug);
                boolean p = predicted.contains(slug);
                c[0] += e && p ? 1 : 0;
                c[1] += !e && p ? 1 : 0;
                c[2] += e && !p ? 1 : 0;
            }
            if (!expected.equals(predicted)) {
                misses.add(String.format("  expected %s got %s  %s", expected, predicted, entry.title()));
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        StringBuilder table = new StringBuilder(String.format("%-24s %4s %4s %4s %6s %6s %6s%n",
                "topic", "tp", "fp", "fn", "prec", "recall", "f1"));
        for (Map.Entry<String, int[]> row : counts.entrySet()) {
            int[] c = row.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            table.append(line(row.getKey(), c[0], c[1], c[2]));
        }
        table.append(line("micro", tp, fp, fn));
        System.out.println("Topic tagging on " + labelled + " labelled papers:\n" + table);
        System.out.println("Papers whose topics differ from the labels:\n" + String.join("\n", misses));
        assertThat(labelled).isEqualTo(52);
        assertThat(f1(tp, fp, fn)).as("micro-F1").isGreaterThanOrEqualTo(0.85);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static String line(String name, int tp, int fp, int fn) {
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        return String.format("%-24s %4d %4d %4d %6.3f %6.3f %6.3f%n", name, tp, fp, fn, precision, recall, f1(tp, fp, fn));
    }

    private static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
