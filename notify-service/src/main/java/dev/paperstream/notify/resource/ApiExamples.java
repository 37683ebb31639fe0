package dev.paperstream.notify.resource;

/** Examples in the OpenAPI document, written as a client sees them. */
final class ApiExamples {

    static final String CREATE = """
            {"url": "https://example.com/hooks/papers", "filter": {"topic": ["peft"], "hasCode": "true"}}""";

    static final String CREATED = """
            {"id": "sub_5f0c6a1e9b2d4c7a8e3f1b20", "url": "https://example.com/hooks/papers",
             "filter": {"topic": ["peft"], "hasCode": ["true"]},
             "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwJk0zJmGQ0tE=",
             "createdAt": "2026-03-14T09:30:00Z", "enabled": true}""";

    static final String DETAIL = """
            {"id": "sub_5f0c6a1e9b2d4c7a8e3f1b20", "url": "https://example.com/hooks/papers",
             "filter": {"topic": ["peft"]}, "createdAt": "2026-03-14T09:30:00Z", "enabled": true,
             "deliveries": {"pending": 1, "delivered": 12, "failed": 0, "attempts": 15,
                            "lastDeliveredAt": "2026-03-14T10:02:11Z"},
             "lastAttempts": [{"webhookId": "msg_3b7e0f4c2a9d8e1f6a5b4c3d2e1f0a9b",
                               "attemptedAt": "2026-03-14T10:02:11Z", "statusCode": 503, "durationMs": 41}]}""";

    static final String LISTING = """
            {"items": [{"id": "sub_5f0c6a1e9b2d4c7a8e3f1b20", "url": "https://example.com/hooks/papers",
                        "filter": {"topic": ["peft"]}, "createdAt": "2026-03-14T09:30:00Z", "enabled": true}]}""";

    static final String TESTED = """
            {"webhookId": "msg_test_0f1e2d3c4b5a69788796a5b4c3d2e1f0", "status": "delivered", "statusCode": 204}""";

    static final String PRIVATE_URL = """
            {"type": "https://paperstream.dev/problems/invalid-parameter", "title": "Invalid request field",
             "status": 400, "detail": "url's host 10.0.0.7 resolves to 10.0.0.7, a private address; webhooks go to public internet addresses only",
             "instance": "/subscriptions", "parameter": "url"}""";

    static final String UNKNOWN = """
            {"type": "https://paperstream.dev/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "no subscription with id sub_0; GET /subscriptions lists them", "instance": "/subscriptions/sub_0"}""";

    private ApiExamples() {
    }
}
