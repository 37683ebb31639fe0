package dev.paperstream.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reading digest JSON by hand, so every wrong field gets a message naming it rather than a mapper's stack. */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    static JsonNode read(byte[] body) {
        String text = Text.decode(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new InvalidDigestException("The body is empty: send a JSON digest.");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidDigestException("Malformed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    /**
     * The field as text, empty when absent or null; a field of another JSON type, or longer than {@code max}
     * characters, is refused.
     */
    static Optional<String> text(JsonNode parent, String field, String path, int max) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new InvalidDigestException(path + "." + field + " must be a string, not " + type(node) + ".");
        }
        return Optional.of(Limits.field(node.textValue(), max, path + "." + field));
    }

    /** The field as a list of strings, empty when absent or null; anything else is refused naming the item. */
    static List<String> texts(JsonNode parent, String field, String path) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : array(parent, field, path)) {
            if (!item.isTextual()) {
                throw new InvalidDigestException(path + "." + field + "[" + texts.size() + "] must be a string, not "
                        + type(item) + ".");
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    /** The {@code name} of each object of the array field ({@code [{"name": "Ada Lovelace"}, ...]}), in order. */
    static List<String> names(JsonNode parent, String field, String path) {
        List<String> names = new ArrayList<>();
        for (JsonNode item : array(parent, field, path)) {
            String itemPath = path + "." + field + "[" + names.size() + "]";
            if (!item.isObject()) {
                throw new InvalidDigestException(itemPath + " must be an object with a name, not " + type(item) + ".");
            }
            names.add(text(item, "name", itemPath, MetadataLimits.MAX_AUTHOR_LENGTH).orElse(""));
        }
        return names;
    }

    /** A count: a whole number from 0 up, empty when absent or null. */
    static Optional<Integer> count(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw new InvalidDigestException(path + "." + field + " must be a whole number from 0 up, not "
                    + (node.isNumber() ? node.asText() : type(node)) + ".");
        }
        return Optional.of(node.intValue());
    }

    private static JsonNode array(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return MAPPER.createArrayNode();
        }
        if (!node.isArray()) {
            throw new InvalidDigestException(path + "." + field + " must be an array, not " + type(node) + ".");
        }
        return node;
    }

    static Optional<String> arxivId(JsonNode parent, String field, String path) {
        return text(parent, field, path, Limits.MAX_ARXIV_ID_LENGTH).filter(raw -> !raw.isBlank())
                .map(raw -> ArxivId.parse(raw).orElseThrow(() -> new InvalidDigestException(path + "." + field
                        + " \"" + raw + "\" is not an arXiv id (like 2403.01234 or hep-th/9901001).")));
    }

    /** Only absolute http(s) links are taken: a {@code javascript:} or {@code data:} link is refused. */
    static Optional<String> url(JsonNode parent, String field, String path) {
        return text(parent, field, path, Limits.MAX_URL_LENGTH).filter(raw -> !raw.isBlank())
                .map(raw -> Links.httpUrl(raw).orElseThrow(() -> new InvalidDigestException(path + "." + field
                        + " \"" + raw + "\" is not an http(s) link.")));
    }

    /** The date part of an ISO timestamp ({@code 2024-03-14T09:00:00.000Z}) or an ISO date. */
    static Optional<LocalDate> day(JsonNode parent, String field, String path) {
        return text(parent, field, path, Limits.MAX_DATE_LENGTH).map(raw -> {
            LocalDate day;
            try {
                day = OffsetDateTime.parse(raw.strip()).toLocalDate();
            } catch (DateTimeParseException notATimestamp) {
                try {
                    day = LocalDate.parse(raw.strip());
                } catch (DateTimeParseException e) {
                    throw new InvalidDigestException(path + "." + field + " \"" + raw
                            + "\" is not an ISO date or timestamp.");
                }
            }
            return Limits.date(day, path + "." + field);
        });
    }

    static String type(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            default -> "null";
        };
    }
}
