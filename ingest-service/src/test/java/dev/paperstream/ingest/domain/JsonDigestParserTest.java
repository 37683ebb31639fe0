package dev.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class JsonDigestParserTest {

    private final JsonDigestParser parser = new JsonDigestParser();

    @Test
    void own_shape_gives_entries_with_arxiv_ids_date_and_source() {
        ParsedDigest digest = parser.parse(Fixtures.bytes("digest.json"));

        assertThat(digest.date()).contains(LocalDate.of(2024, 3, 14));
        assertThat(digest.source()).contains("reading-group");
        assertThat(digest.entries()).extracting(ParsedEntry::arxivId)
                .containsExactly("2403.01234", null, "2403.01234", "hep-th/9901001");
        ParsedEntry first = digest.entries().get(0);
        assertThat(first.url()).isEqualTo("https://arxiv.org/abs/2403.01234");
        assertThat(first.abstractText()).isEqualTo("We route tokens between many tiny experts and match a dense model "
                + "at a third of the compute. Code: https://github.com/example/tiny-experts .");
        ParsedEntry second = digest.entries().get(1);
        assertThat(second.title()).isEqualTo("Counting Sheep with Vision Transformers");
        assertThat(second.abstractText()).contains("drone images.\n\nData: https://huggingface.co/datasets/example/sheep-count");
    }

    @Test
    void hugging_face_list_is_recognized_by_its_shape() {
        ParsedDigest digest = parser.parse(Fixtures.bytes("hf-daily-papers.json"));

        assertThat(digest.source()).contains(HuggingFaceDigestParser.SOURCE);
        assertThat(digest.date()).contains(LocalDate.of(2024, 3, 11));
        assertThat(digest.entries()).extracting(ParsedEntry::title).containsExactly(
                "Streaming Speech Translation with Monotonic Attention", "TÜLU-Style Recipes for Small Models");
        assertThat(digest.entries()).extracting(ParsedEntry::arxivId).containsExactly("2403.05530", "2403.06634");
        assertThat(digest.entries().get(0).abstractText()).isEqualTo("We translate speech as it is spoken, with a "
                + "monotonic attention head that decides when to write.\n\nIt halves latency at equal BLEU.");
        assertThat(digest.entries().get(0).url()).isEqualTo("https://huggingface.co/papers/2403.05530");
    }

    @Test
    void each_wrong_field_is_named_in_the_refusal() {
        assertRefused("{\"entries\": [{\"abstract\": \"no title\"}]}", "entries[0] has no title");
        assertRefused("{\"entries\": [{\"title\": \"A\"}, {\"title\": \"  \"}]}", "entries[1] has no title");
        assertRefused("{\"entries\": [{\"title\": 42}]}", "entries[0].title must be a string, not a number");
        assertRefused("{\"entries\": \"many\"}", "\"entries\" must be an array, not a string");
        assertRefused("{\"entries\": [\"A title\"]}", "entries[0] must be an object");
        assertRefused("{\"entries\": []}", "No entry found");
        assertRefused("{\"date\": \"14/03/2024\", \"entries\": [{\"title\": \"A\"}]}", "\"date\" \"14/03/2024\" is not a date");
        assertRefused("{\"entries\": [{\"title\": \"A\", \"arxivId\": \"nope\"}]}", "entries[0].arxivId \"nope\" is not an arXiv id");
        assertRefused("{\"entries\": [{\"title\": \"A\", \"url\": \"javascript:alert(1)\"}]}", "is not an http(s) link");
        assertRefused("{\"title\": \"A\"}", "no \"entries\" array");
        assertRefused("42", "not a number");
        assertRefused("[1, 2]", "[0] must be an object with a \"paper\" object");
        assertRefused("{\"entries\": [{\"title\": \"A\"}", "Malformed JSON at line 1");
        assertRefused("{\"entries\": []} trailing", "Malformed JSON");
        assertRefused("{\"entries\": [], \"entries\": []}", "Duplicate field");
        assertRefused("[".repeat(5000) + "]".repeat(5000), "Malformed JSON");
    }

    private void assertRefused(String json, String detail) {
        assertThatThrownBy(() -> parser.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDigestException.class).hasMessageContaining(detail);
    }
}
