package dev.paperstream.notify.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

import dev.paperstream.notify.config.NotifyConfig;
import dev.paperstream.notify.domain.AttemptResult;
import dev.paperstream.notify.domain.RetrySchedule;
import dev.paperstream.notify.domain.WebhookTarget;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * One POST of a webhook message, signed per Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp} (this
 * attempt's time, so receivers can refuse replays) and {@code webhook-signature: v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">}. The request connects to the address the SSRF guard checked; redirects are not followed;
 * the receiver's answer body is read and dropped.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "paperstream-notify/1.0 (Standard Webhooks)";

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration timeout;

    WebhookSender(Vertx vertx, NotifyConfig config) {
        this.connectTimeout = config.delivery().connectTimeout();
        this.timeout = config.delivery().timeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxPoolSize(config.delivery().concurrency())
                .setConnectTimeout((int) connectTimeout.toMillis()));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public AttemptResult send(WebhookTarget target, String webhookId, String secret, String body) {
        long started = System.nanoTime();
        long timestamp = Instant.now().getEpochSecond();
        String signature;
        try {
            signature = new Webhook(secret).sign(webhookId, timestamp, body);
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            throw new IllegalStateException("a stored secret could not sign: " + e.getMessage(), e);
        }
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.requestTarget())
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", USER_AGENT)
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", signature);
        var answer = client.request(request)
                .compose(outgoing -> outgoing.send(Buffer.buffer(body)))
                .compose(response -> {
                    response.handler(ignored -> {
                    });
                    return response.end().map(done -> AttemptResult.status(response.statusCode(),
                            RetrySchedule.retryAfter(response.getHeader("retry-after"), Instant.now()), since(started)));
                });
        try {
            return answer.toCompletionStage().toCompletableFuture()
                    .get(connectTimeout.plus(timeout).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return AttemptResult.failure("no answer within " + timeout.toSeconds() + " s", since(started));
        } catch (ExecutionException e) {
            return AttemptResult.failure(describe(e.getCause()), since(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AttemptResult.failure("interrupted while sending (shutting down)", since(started));
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        String kind = failure.getClass().getSimpleName();
        return message == null ? kind : kind + ": " + message.lines().findFirst().orElse("");
    }
}
