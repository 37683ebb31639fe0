package dev.paperstream.query.resource;

/** Example bodies shown in the OpenAPI document. */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String PAPER_PAGE = """
            {"items": [{"id": "arxiv-2403.09611", "title": "LoRA-Flow: Dynamic LoRA Fusion for Large Language Models",
              "authors": ["Hanqing Wang", "Bowen Ping", "Shuo Wang"],
              "shortAbstract": "LoRA employs lightweight modules to customize large language models (LLMs) for each…",
              "topics": ["peft", "llm"], "categories": ["cs.CL", "cs.AI"], "linkKinds": ["code"],
              "firstSeen": "2026-03-14"}],
             "nextCursor": "YzEfNmI0ZDFhOWMyZTBmMzQ4NR8yMDI2LTAzLTE0H2FyeGl2LTI0MDMuMDk2MTGq1Zt0h0Yx0g"}""";

    static final String PAPER_DETAIL = """
            {"id": "arxiv-2403.09611", "arxivId": "2403.09611",
             "title": "LoRA-Flow: Dynamic LoRA Fusion for Large Language Models",
             "authors": ["Hanqing Wang", "Bowen Ping", "Shuo Wang"],
             "abstract": "LoRA employs lightweight modules to customize large language models...",
             "url": "https://arxiv.org/abs/2403.09611", "categories": ["cs.CL", "cs.AI"], "upvotes": 31,
             "firstSeen": "2026-03-14", "lastSeen": "2026-03-15",
             "version": 2, "updatedAt": "2026-03-15T06:01:12.5Z",
             "topics": [{"slug": "peft", "name": "Parameter-efficient fine-tuning", "score": 0.92,
                         "evidence": ["LoRA"]}],
             "links": [{"url": "https://github.com/pku/loraflow", "kind": "code", "target": "pku/loraflow"}],
             "mentions": [{"kind": "model", "name": "LLaMA", "size": "7B", "text": "LLaMA-7B"}],
             "appearances": [{"digestId": "d-2026-03-14", "digestDate": "2026-03-14", "position": 3, "upvotes": 12,
                              "enrichedAt": "2026-03-14T06:00:02Z"},
                             {"digestId": "d-2026-03-15", "digestDate": "2026-03-15", "position": 8, "upvotes": 31,
                              "enrichedAt": "2026-03-15T06:01:12.5Z"}]}""";

    static final String RELATED = """
            {"paperId": "arxiv-2403.09611", "items": [{"id": "arxiv-2403.07816", "title": "MoLA: Mixture of LoRA Experts",
              "score": 2.41, "why": {"sharedTopics": ["llm", "peft"], "sharedMentions": ["LLaMA"],
              "titleSimilarity": 0.23, "summary": "shares topics llm, peft; names LLaMA; has a similar title"}}]}""";

    static final String TOPICS = """
            [{"slug": "peft", "name": "Parameter-efficient fine-tuning",
              "description": "LoRA, adapters, prompt tuning", "paperCount": 12}]""";

    static final String TRENDING = """
            {"window": "7d", "from": "2026-03-08", "to": "2026-03-14", "previousFrom": "2026-03-01",
             "previousTo": "2026-03-07", "items": [{"slug": "agents", "name": "Agents", "count": 9,
             "previousCount": 2, "change": 7}]}""";

    static final String LINKS = """
            {"items": [{"kind": "code", "target": "huggingface/peft", "paperCount": 3,
              "papers": [{"id": "arxiv-2403.09611", "title": "LoRA-Flow: Dynamic LoRA Fusion for Large Language Models"}]}]}""";

    static final String DIGEST = """
            {"id": "d-2026-03-14", "date": "2026-03-14", "source": "daily-papers", "received": 104,
             "enriched": 61, "status": "pending", "receivedAt": "2026-03-14T06:00:00Z",
             "lastEnrichedAt": "2026-03-14T06:00:04Z"}""";

    static final String DIGEST_PAGE = "{\"items\": [" + DIGEST + "], \"nextCursor\": null}";

    static final String INVALID_LIMIT = """
            {"type": "https://paperstream.dev/problems/invalid-parameter", "title": "Invalid query parameter", "status": 400,
             "detail": "limit must be between 1 and 100", "instance": "/papers", "parameter": "limit"}""";

    static final String UNKNOWN_PAPER = """
            {"type": "https://paperstream.dev/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "no paper with id arxiv-0000.00000", "instance": "/papers/arxiv-0000.00000"}""";

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><id>tag:paperstream.dev,2026:feed:topic:peft</id>
            <title>paperstream: Parameter-efficient fine-tuning</title><updated>2026-03-14T06:00:02Z</updated>
            <link rel="self" href="http://localhost:8083/feeds/topics/peft.atom"/>
            <author><name>paperstream</name></author>
            <entry><id>tag:paperstream.dev,2026:paper:arxiv-2403.09611</id><title>LoRA-Flow</title>
            <updated>2026-03-14T06:00:02Z</updated><link rel="alternate" href="https://arxiv.org/abs/2403.09611"/>
            <summary type="text">LoRA employs lightweight modules...</summary></entry></feed>""";

    static final String STREAM = """
            : heartbeat

            id: arxiv-2403.09611@d-2026-03-14
            event: paper
            data: {"id":"arxiv-2403.09611","title":"LoRA-Flow","authors":["Hanqing Wang"],"shortAbstract":"LoRA employs lightweight modules...","topics":["peft"],"categories":["cs.CL"],"linkKinds":["code"],"firstSeen":"2026-03-14"}

            : heartbeat
            """;
}
