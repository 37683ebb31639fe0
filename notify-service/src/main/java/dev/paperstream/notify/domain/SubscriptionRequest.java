package dev.paperstream.notify.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.paperstream.filter.InvalidParameterException;
import dev.paperstream.filter.PaperFilter;

/**
 * A {@code POST /subscriptions} body, validated: {@code url} (checked by the {@link TargetPolicy}), {@code filter}
 * (any {@code GET /papers} filter, each value a string or an array of strings, checked by paper-filter's rule) and an
 * optional {@code secret}. Every refusal names the field, as {@code filter.<parameter>} inside the filter.
 *
 * @param filter the filter as query parameters, in the order given
 * @param secret the given secret, or null
 */
public record SubscriptionRequest(String url, WebhookTarget target, Map<String, List<String>> filter, String secret) {

    private static final Set<String> FIELDS = Set.of("url", "filter", "secret");
    /** Listing controls of /papers that select nothing: a subscription has no order and no pages. */
    private static final Set<String> NOT_FILTERS = Set.of("sort", "limit", "cursor");

    public static SubscriptionRequest parse(JsonNode body, TargetPolicy policy) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "the body must be a JSON object: "
                    + "{\"url\": \"https://…\", \"filter\": {\"topic\": [\"peft\"]}, \"secret\": optional}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidRequestException(name, "unknown field " + name + "; a subscription takes url, filter "
                        + "and secret");
            }
        }
        JsonNode url = body.get("url");
        if (url == null || !url.isTextual()) {
            throw new InvalidRequestException("url", "url is required: the https URL deliveries are POSTed to");
        }
        WebhookTarget target;
        try {
            target = policy.check(url.asText());
        } catch (RefusedTargetException e) {
            throw new InvalidRequestException("url", e.getMessage());
        }
        Map<String, List<String>> filter = filter(body.get("filter"));
        return new SubscriptionRequest(url.asText().strip(), target, filter, secret(body.get("secret")));
    }

    private static Map<String, List<String>> filter(JsonNode node) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return parameters;
        }
        if (!node.isObject()) {
            throw new InvalidRequestException("filter", "filter must be an object of /papers query parameters, "
                    + "such as {\"topic\": [\"peft\"], \"hasCode\": \"true\"}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (NOT_FILTERS.contains(name)) {
                throw new InvalidRequestException("filter." + name, name + " orders or pages a listing and selects "
                        + "nothing; a subscription takes only filters");
            }
            parameters.put(name, values(name, field.getValue()));
        }
        try {
            PaperFilter.parse(parameters);
        } catch (InvalidParameterException e) {
            throw new InvalidRequestException("filter." + e.parameter(), e.getMessage());
        }
        return parameters;
    }

    private static List<String> values(String name, JsonNode value) {
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> values.add(scalar(name, item)));
        } else {
            values.add(scalar(name, value));
        }
        return values;
    }

    private static String scalar(String name, JsonNode value) {
        if (value.isTextual() || value.isBoolean() || value.isNumber()) {
            return value.asText();
        }
        throw new InvalidRequestException("filter." + name, "filter." + name + " must be a string or an array of "
                + "strings, as the query parameter " + name + " of GET /papers");
    }

    private static String secret(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidRequestException("secret", "secret must be a string: whsec_ and the key in base64");
        }
        try {
            return WebhookSecret.validate(node.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("secret", e.getMessage());
        }
    }
}
