package dev.paperstream.notify.resource;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code POST /subscriptions} body as the API document describes it. The resource reads the body as a JSON tree
 * ({@link dev.paperstream.notify.domain.SubscriptionRequest}), so that every refusal can name its field.
 */
@Schema(name = "NewSubscription", requiredProperties = "url")
public record NewSubscription(
        @Schema(description = "Where deliveries are POSTed: a public https URL", example = "https://example.com/hooks/papers")
        String url,
        @Schema(description = "GET /papers query parameters by name, each a string or an array of strings (topic may "
                + "repeat); empty or absent: every paper", example = "{\"topic\": [\"peft\"], \"hasCode\": \"true\"}")
        Map<String, Object> filter,
        @Schema(description = "whsec_ and a base64 key of 24 to 64 bytes; generated when absent",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {
}
