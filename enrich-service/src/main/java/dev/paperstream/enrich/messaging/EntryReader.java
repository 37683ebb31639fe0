package dev.paperstream.enrich.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.paperstream.events.DigestEntryV1;

/** Turns a raw {@code digest-entries} record value into a checked {@link DigestEntryV1}. */
@ApplicationScoped
public class EntryReader {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public DigestEntryV1 read(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new UnprocessableEntryException("empty record value");
        }
        DigestEntryV1 entry;
        try {
            entry = json.readValue(value, DigestEntryV1.class);
        } catch (JsonProcessingException e) {
            throw new UnprocessableEntryException("not a DigestEntryV1 JSON document: " + e.getOriginalMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        if (entry.schemaVersion() != DigestEntryV1.SCHEMA_VERSION) {
            problems.add("schemaVersion " + entry.schemaVersion() + " is not " + DigestEntryV1.SCHEMA_VERSION);
        }
        requireText(entry.digestId(), "digestId", problems);
        requireText(entry.paperId(), "paperId", problems);
        requireText(entry.title(), "title", problems);
        if (entry.abstractText() == null) {
            problems.add("abstract is missing");
        }
        if (entry.digestDate() == null) {
            problems.add("digestDate is missing");
        }
        if (entry.position() < 1) {
            problems.add("position must be 1 or more");
        }
        if (entry.entryCount() < entry.position()) {
            problems.add("entryCount must be at least position");
        }
        if (key != null && entry.paperId() != null && !key.equals(entry.paperId())) {
            problems.add("record key '" + key + "' is not the paperId");
        }
        if (!problems.isEmpty()) {
            throw new UnprocessableEntryException(String.join("; ", problems));
        }
        return entry;
    }

    private static void requireText(String value, String field, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
        }
    }
}
