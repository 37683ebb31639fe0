package dev.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IdentityTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 14);

    @Test
    void arxiv_ids_are_read_from_every_usual_spelling_without_version() {
        assertThat(ArxivId.parse("2403.01234")).contains("2403.01234");
        assertThat(ArxivId.parse("arXiv:2403.01234v3")).contains("2403.01234");
        assertThat(ArxivId.parse("https://arxiv.org/pdf/2403.01234v1.pdf")).contains("2403.01234");
        assertThat(ArxivId.parse("oai:arXiv.org:0704.0001v2")).contains("0704.0001");
        assertThat(ArxivId.parse("http://arxiv.org/abs/math.GT/0309136v1")).contains("math.GT/0309136");
        assertThat(ArxivId.parse("2403.1234x")).isEmpty();
        assertThat(ArxivId.parse("https://example.org/abs/2403.01234")).isEmpty();
    }

    @Test
    void paper_ids_follow_the_contract() {
        assertThat(PaperIdentity.paperId("hep-th/9901001", "whatever")).isEqualTo("arxiv-hep-th_9901001");
        assertThat(PaperIdentity.paperId("2403.01234", "whatever")).isEqualTo("arxiv-2403.01234");
        assertThat(PaperIdentity.normalizedTitle("  TÜLU 3: Pushing—Frontiers!  ")).isEqualTo("tülu 3 pushing frontiers");
        assertThat(PaperIdentity.normalizedTitle("ﬁne-tuning LLMs")).isEqualTo("fine tuning llms");
        assertThat(PaperIdentity.paperId(null, "LoRA: Low-Rank Adaptation"))
                .isEqualTo(PaperIdentity.paperId(null, "lora  low rank adaptation"))
                .matches("title-[0-9a-f]{16}")
                .isEqualTo("title-" + PaperIdentity.sha256Hex("lora low rank adaptation").substring(0, 16));
    }

    @Test
    void a_paper_keeps_the_id_it_was_first_given_under_its_arxiv_id_or_title() {
        String title = "LoRA: Low-Rank Adaptation";
        Map<String, String> seenInAFeed = Map.of("arxiv:2106.09685", "arxiv-2106.09685", "title:"
                + PaperIdentity.sha256Hex("lora low rank adaptation").substring(0, 16), "arxiv-2106.09685");
        assertThat(PaperIdentity.aliases("2106.09685", title)).containsExactlyInAnyOrderElementsOf(seenInAFeed.keySet());
        assertThat(PaperIdentity.paperId(null, "LORA - low-rank adaptation", seenInAFeed)).isEqualTo("arxiv-2106.09685");

        Map<String, String> seenOnAPage = Map.of(PaperIdentity.aliases(null, title).get(0), PaperIdentity.paperId(null, title));
        assertThat(PaperIdentity.paperId("2106.09685", title, seenOnAPage)).isEqualTo(PaperIdentity.paperId(null, title));
        assertThat(PaperIdentity.paperId("2106.09685", "LoRA v2, retitled", seenInAFeed)).isEqualTo("arxiv-2106.09685");
        assertThat(PaperIdentity.paperId("2106.09685", title, Map.of())).isEqualTo("arxiv-2106.09685");
    }

    @Test
    void one_digest_naming_a_paper_by_arxiv_id_and_again_by_title_alone_holds_it_once() {
        ParsedDigest parsed = new ParsedDigest(Optional.empty(), Optional.empty(), List.of(
                new ParsedEntry("Counting Sheep", "with ids", "2403.01234", null),
                new ParsedEntry("counting sheep!", "without", null, null)));

        Digest digest = Digest.assemble(parsed, DAY, "s", Optional.empty(), Map.of());
        assertThat(digest.entries()).extracting(Entry::paperId).containsExactly("arxiv-2403.01234");
        assertThat(digest.duplicates()).isEqualTo(1);
        assertThat(digest.paperIdsByAlias()).containsValues("arxiv-2403.01234").hasSize(2);
    }

    @Test
    void duplicates_inside_a_digest_are_dropped_and_counted() {
        Digest digest = Digest.assemble(new JsonDigestParser().parse(Fixtures.bytes("digest.json")), DAY, "json",
                Optional.empty(), Map.of());

        assertThat(digest.entries()).extracting(Entry::paperId).containsExactly(
                "arxiv-2403.01234", PaperIdentity.paperId(null, "Counting Sheep with Vision Transformers"),
                "arxiv-hep-th_9901001");
        assertThat(digest.entries()).extracting(Entry::position).containsExactly(1, 2, 3);
        assertThat(digest.duplicates()).isEqualTo(1);
    }

    @Test
    void the_same_page_in_crlf_or_without_chrome_has_the_same_digest_id() {
        PageDigestParser parser = new PageDigestParser(StandardCharsets.UTF_8, Year.of(2024));
        String page = SampleDigest.page();
        String crlf = page.replace("\n", "\r\n");
        String bare = page.substring(page.indexOf(SampleDigest.FIRST_TITLE));

        String id = idOf(parser.parse(page));
        assertThat(idOf(parser.parse(crlf))).isEqualTo(id);
        assertThat(idOf(parser.parse(bare))).isEqualTo(id);
        assertThat(Digest.assemble(parser.parse(page), DAY.plusDays(1), "s", Optional.empty(), Map.of()).id()).isNotEqualTo(id);
        assertThat(Digest.assemble(parser.parse(page), DAY, "s", Optional.of("key-1"), Map.of()).id())
                .isEqualTo(DigestIdentity.fromIdempotencyKey("key-1")).isNotEqualTo(id);
    }

    @Test
    void over_long_fields_are_refused_with_the_entry_named() {
        ParsedDigest longAbstract = new ParsedDigest(Optional.empty(), Optional.empty(), List.of(
                new ParsedEntry("Fine", "ok", null, null),
                new ParsedEntry("Too Long", "x".repeat(Digest.MAX_ABSTRACT_LENGTH + 1), null, null)));

        assertThatThrownBy(() -> Digest.assemble(longAbstract, DAY, "s", Optional.empty(), Map.of()))
                .isInstanceOf(InvalidDigestException.class).hasMessageContaining("Entry 2 (\"Too Long\")");
    }

    private static String idOf(ParsedDigest parsed) {
        return Digest.assemble(parsed, DAY, "daily-papers", Optional.empty(), Map.of()).id();
    }
}
