package dev.paperstream.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shared sample digest's 104 real papers (title and abstract as the page shows them) in the catalogue, with the
 * topics annotators gave the 52 of them in {@code eval/topics-dev.jsonl}, the taxonomy's topic names
 * (enrich-service's {@code taxonomy/topics-v7.json}) and the URLs their abstracts name. Enrichment is enrich-service's
 * job: here the topics are the human labels (no evidence phrases) and a URL's kind is read off its host, enough for
 * pages to show real text of real lengths.
 */
public final class SampleDigestCatalog {

    public static final String DIGEST = "d-2025-03-14-sample";
    public static final LocalDate DATE = LocalDate.of(2025, 3, 14);
    private static final Path SHARED = Path.of(System.getProperty("paperstream.shared.dir", "../../shared"));
    private static final Path TAXONOMY = Path.of("../enrich-service/src/main/resources/taxonomy/topics-v7.json");
    private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]}>,;]+");

    public record Entry(String title, String abstractText) {
    }

    private SampleDigestCatalog() {
    }

    /** The page split the simple way its layout allows: chrome up to the date line, then title and abstract in turn. */
    public static List<Entry> entries() {
        List<String> paragraphs = Arrays.stream(read(SHARED.resolve("digests/daily-papers-mar-14.txt")).split("\\n\\s*\\n"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
        int first = 0;
        while (!paragraphs.get(first).matches("[A-Z][a-z]{2} \\d{1,2}")) {
            first++;
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = first + 1; i + 1 < paragraphs.size(); i += 2) {
            entries.add(new Entry(paragraphs.get(i), paragraphs.get(i + 1)));
        }
        return entries;
    }

    /** The catalogue id enrich gives a paper without an arXiv id: {@code title-} and a hash of its title. */
    public static String id(String title) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(title.toLowerCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return "title-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void load(DataSource dataSource) {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> labels = read(SHARED.resolve("eval/topics-dev.jsonl")).lines()
                .map(line -> parse(json, line))
                .collect(Collectors.toMap(node -> node.get("title").asText(), node -> texts(node.get("topics"))));
        CatalogRows rows = new CatalogRows(dataSource);
        for (JsonNode topic : parse(json, read(TAXONOMY))) {
            rows.topic(topic.get("slug").asText(), topic.get("name").asText());
        }
        List<Entry> entries = entries();
        rows.digest(DIGEST, DATE, entries.size()).receipt(DIGEST, DATE, entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            String id = id(entry.title());
            rows.paper(id, entry.title(), entry.abstractText(), DATE).appearance(DIGEST, id, i + 1);
            for (String slug : labels.getOrDefault(entry.title(), List.of())) {
                rows.paperTopic(id, slug, 1.0);
            }
            Matcher url = URL.matcher(entry.abstractText());
            while (url.find()) {
                String address = url.group().replaceAll("[.:]+$", "");
                rows.link(id, address, kind(address), address.replaceFirst("^https?://(www\\.)?", ""));
            }
        }
    }

    private static String kind(String url) {
        String rest = url.replaceFirst("^https?://(www\\.)?", "");
        if (rest.startsWith("github.com/")) {
            return "code";
        }
        if (rest.startsWith("huggingface.co/datasets/")) {
            return "dataset";
        }
        if (rest.startsWith("huggingface.co/spaces/")) {
            return "space";
        }
        if (rest.startsWith("huggingface.co/")) {
            return rest.split("/").length > 2 ? "model" : "organization";
        }
        return rest.contains(".github.io") ? "project-page" : "website";
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode parse(ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
