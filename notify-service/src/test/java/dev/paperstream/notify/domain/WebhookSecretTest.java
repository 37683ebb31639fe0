package dev.paperstream.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    @Test
    void generated_secrets_are_whsec_base64_of_32_random_bytes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String secret = WebhookSecret.generate();
            assertThat(secret).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
            assertThat(seen.add(secret)).isTrue();
        }
    }

    @Test
    void a_given_secret_must_be_whsec_and_24_to_64_bytes() {
        // the Standard Webhooks specification's example secret: 24 bytes
        assertThat(WebhookSecret.validate("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThatThrownBy(() -> WebhookSecret.validate("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).hasMessageContaining("whsec_");
        assertThatThrownBy(() -> WebhookSecret.validate("whsec_c2hvcnQ=")).hasMessageContaining("(it is 5)");
        assertThatThrownBy(() -> WebhookSecret.validate("whsec_not base64!")).hasMessageContaining("base64");
    }

    @Test
    void webhook_ids_are_stable_per_subscription_and_event_and_differ_across_subscriptions() {
        String id = WebhookIds.webhookId("sub_1", "2f1c-event");
        assertThat(id).isEqualTo(WebhookIds.webhookId("sub_1", "2f1c-event")).startsWith("msg_").hasSize(36);
        assertThat(id).isNotEqualTo(WebhookIds.webhookId("sub_2", "2f1c-event"));
        assertThat(id).isNotEqualTo(WebhookIds.webhookId("sub_1", "2f1d-event"));
    }
}
