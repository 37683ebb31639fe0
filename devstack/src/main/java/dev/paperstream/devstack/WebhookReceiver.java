package dev.paperstream.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback (the JDK's HTTP server): records every request it answers, answers as the test says
 * (204 unless told otherwise), and can be stopped and started again on the same port, as a receiver that goes down.
 * {@link Received#signedWith} checks a Standard Webhooks signature with the JDK's HMAC, independently of the sender.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request as received: lower-case header names, the body as sent. */
    public record Received(String path, Map<String, String> headers, String body, Instant at) {

        public String webhookId() {
            return headers.get("webhook-id");
        }

        /** Whether {@code webhook-signature} holds {@code v1,base64(HMAC-SHA256(key, "id.timestamp.body"))}. */
        public boolean signedWith(String secret) {
            try {
                byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                String signed = headers.get("webhook-id") + "." + headers.get("webhook-timestamp") + "." + body;
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
                String header = headers.getOrDefault("webhook-signature", "");
                for (String signature : header.split(" ")) {
                    if (MessageDigest.isEqual(signature.getBytes(StandardCharsets.UTF_8),
                            expected.getBytes(StandardCharsets.UTF_8))) {
                        return true;
                    }
                }
                return false;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What to answer: a status and headers. */
    public record Reply(int status, Map<String, String> headers) {

        public static Reply of(int status) {
            return new Reply(status, Map.of());
        }
    }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Reply> answer = request -> Reply.of(204);
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** A receiver listening on a free port. */
    public static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver(FreePorts.next());
        receiver.up();
        return receiver;
    }

    /** A receiver that has a port but does not listen yet: connections are refused until {@link #up()}. */
    public static WebhookReceiver notYetListening() {
        return new WebhookReceiver(FreePorts.next());
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public void answer(Function<Received, Reply> answer) {
        this.answer = answer;
    }

    /** Every request answered so far, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("port " + port, e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    @Override
    public void close() {
        down();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    String.join(",", values)));
            Received request = new Received(exchange.getRequestURI().toString(), headers, body, Instant.now());
            Reply reply = answer.apply(request);
            received.add(request);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), -1);
        }
    }
}
