package dev.paperstream.query;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import dev.paperstream.devstack.PostgresDatabaseTestResource;

/**
 * The known catalogue most tests read: six papers in March and February 2026 across four topics, with links,
 * mentions, authors and categories (on three papers), digests with upvotes and ingest receipts chosen so each
 * filter and each digest status has a case.
 */
public final class KnownCatalog {

    public static final String LORA_FLOW = "arxiv-2603.00001";
    public static final String MOLA = "arxiv-2603.00002";
    public static final String REGISTERS = "arxiv-2603.00003";
    public static final String AGENT = "title-abcdef0123456789";
    public static final String TINY = "arxiv-2602.00005";
    public static final String VISUAL = "arxiv-2602.00006";
    public static final String AGENT_TITLE = "An Agent That Books Flights <script>alert(1)</script>";

    public static final LocalDate MAR_14 = LocalDate.of(2026, 3, 14);
    /** Bounds that keep listings to the known papers, whatever other tests add. */
    public static final String FROM = "2026-02-01";
    public static final String TO = "2026-03-31";

    /** The database loaded last: a test profile with a database of its own gets the known catalogue too. */
    private static String loadedInto;

    private KnownCatalog() {
    }

    public static synchronized void load(DataSource dataSource) {
        String database = PostgresDatabaseTestResource.database().jdbcUrl();
        if (database.equals(loadedInto)) {
            return;
        }
        new CatalogRows(dataSource)
                .topic("peft", "Parameter-efficient fine-tuning")
                .topic("llm", "Large language models")
                .topic("vision", "Computer vision")
                .topic("agents", "Agents")

                .paper(LORA_FLOW, "LoRA-Flow: Dynamic LoRA Fusion for Large Language Models",
                        "We fuse low-rank adaptation (LoRA) modules per token. On LLaMA-7B it improves GSM8K."
                                + " Code: https://github.com/x/loraflow", MAR_14)
                .paperTopic(LORA_FLOW, "peft", 0.9, "LoRA", "low-rank adaptation")
                .paperTopic(LORA_FLOW, "llm", 0.7, "large language models")
                .link(LORA_FLOW, "https://github.com/x/loraflow", "code", "x/loraflow")
                .link(LORA_FLOW, "https://github.com/x/loraflow/tree/main", "code", "x/loraflow")
                .mention(LORA_FLOW, "model", "LLaMA", "7B", "LLaMA-7B")
                .mention(LORA_FLOW, "benchmark", "GSM8K", "", "GSM8K")
                .metadata(LORA_FLOW, List.of("Jörg Müller", "Ana Lima"), List.of("cs.CL", "cs.LG"))

                .paper(MOLA, "MoLA: Mixture of LoRA Experts for Large Language Models",
                        "A mixture of LoRA experts on LLaMA. Weights at https://huggingface.co/org/mola and code at"
                                + " https://github.com/x/loraflow", MAR_14.minusDays(1))
                .paperTopic(MOLA, "peft", 0.8, "LoRA")
                .paperTopic(MOLA, "llm", 0.6, "LLaMA")
                .link(MOLA, "https://huggingface.co/org/mola", "model", "org/mola")
                .link(MOLA, "https://github.com/x/loraflow", "code", "x/loraflow")
                .mention(MOLA, "model", "LLaMA", "", "LLaMA")
                .metadata(MOLA, List.of("HANS MULLER-TAN", "Li Wei"), List.of("cs.LG"))

                .paper(REGISTERS, "Vision Transformers Need Registers Again",
                        "Register tokens clean attention maps of vision transformers on ImageNet."
                                + " Data: https://huggingface.co/datasets/org/imagenet-x", MAR_14)
                .paperTopic(REGISTERS, "vision", 0.9, "vision transformers")
                .link(REGISTERS, "https://huggingface.co/datasets/org/imagenet-x", "dataset", "org/imagenet-x")
                .mention(REGISTERS, "benchmark", "ImageNet", "", "ImageNet")
                .metadata(REGISTERS, List.of("Åsa Ørsted", "Jean Ngô", "Ana_Maria 100%"), List.of("cs.CV"))

                .paper(AGENT, AGENT_TITLE,
                        "An agent books flights in a browser and is scored on WebArena. '; drop table paper; --"
                                + " https://github.com/y/agent", MAR_14.minusDays(9))
                .paperTopic(AGENT, "agents", 0.8, "agent")
                .paperTopic(AGENT, "llm", 0.5, "LLM")
                .link(AGENT, "https://github.com/y/agent", "code", "y/agent")
                .mention(AGENT, "benchmark", "WebArena", "", "WebArena")

                .paper(TINY, "Instruction Tuning for Tiny Models",
                        "Instruction tuning makes tiny language models follow instructions.", LocalDate.of(2026, 2, 20))
                .paperTopic(TINY, "llm", 0.6, "language models")

                .paper(VISUAL, "Visual Instruction Tuning with Vision Encoders",
                        "Instruction tuning for vision encoders paired with language models.", LocalDate.of(2026, 2, 21))
                .paperTopic(VISUAL, "vision", 0.7, "vision encoders")
                .paperTopic(VISUAL, "llm", 0.5, "language models")

                // d-0314: receipt and all 3 entries enriched -> complete
                .digest("d-0314", MAR_14, 3)
                .receipt("d-0314", MAR_14, 3)
                .appearance("d-0314", LORA_FLOW, 1, 42)
                .appearance("d-0314", REGISTERS, 2)
                .appearance("d-0314", AGENT, 3, 17)
                // d-0313: 1 of 2 received entries enriched -> pending
                .digest("d-0313", MAR_14.minusDays(1), 2)
                .receipt("d-0313", MAR_14.minusDays(1), 2)
                .appearance("d-0313", MOLA, 1)
                // d-0315: received by ingest, nothing enriched yet -> pending
                .receipt("d-0315", MAR_14.plusDays(1), 5)
                // d-0305: no receipt (entry count stands in) -> complete
                .digest("d-0305", MAR_14.minusDays(9), 1)
                .appearance("d-0305", AGENT, 1, 5)
                .digest("d-0220", LocalDate.of(2026, 2, 20), 2)
                .appearance("d-0220", TINY, 1)
                .appearance("d-0220", VISUAL, 2);
        loadedInto = database;
    }
}
