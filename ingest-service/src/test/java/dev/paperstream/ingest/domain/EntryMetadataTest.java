package dev.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Authors, categories and upvotes as each format carries them. */
class EntryMetadataTest {

    @Test
    void atom_entries_give_authors_in_order_and_the_primary_category_first_once() {
        String feed = """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"><entry>
                <id>http://arxiv.org/abs/2403.08763v1</id><title>Continual Pre-training at Scale</title>
                <summary>Large models can keep learning if the learning rate is re-warmed.</summary>
                <author><name>Ada  Lovelace</name></author><author><name>Émile Borel</name></author>
                <category term="cs.LG"/><category term="cs.CL"/><arxiv:primary_category term="cs.CL"/>
                </entry></feed>""";

        ParsedEntry entry = new AtomDigestParser().parse(feed.getBytes(StandardCharsets.UTF_8)).entries().get(0);

        assertThat(entry.authors()).containsExactly("Ada Lovelace", "Émile Borel");
        assertThat(entry.categories()).containsExactly("cs.CL", "cs.LG");
        assertThat(entry.upvotes()).isNull();
    }

    @Test
    void fixtures_carry_their_authors_categories_and_upvotes() {
        List<ParsedEntry> atom = new AtomDigestParser().parse(Fixtures.bytes("arxiv-api.atom.xml")).entries();
        List<ParsedEntry> hf = new JsonDigestParser().parse(Fixtures.bytes("hf-daily-papers.json")).entries();

        assertThat(atom).extracting(ParsedEntry::authors).containsExactly(List.of("Dana Example"), List.of("Eli Sample"));
        assertThat(atom).extracting(ParsedEntry::categories).containsExactly(List.of("cs.CL"), List.of("cs.AI"));
        assertThat(hf.get(0).authors()).containsExactly("Ada Example", "Brook Sample");
        assertThat(hf.get(0).upvotes()).isEqualTo(42);
        assertThat(hf.get(0).categories()).isEmpty();
    }

    @Test
    void paperstream_json_entries_give_authors_categories_and_upvotes() {
        String digest = """
                {"entries": [{"title": "Sparse Adapters", "abstract": "We adapt.", "authors": ["Ada Lovelace", " ",
                  "Alan Turing"], "categories": ["cs.LG", "stat.ML"], "upvotes": 7}, {"title": "No Metadata"}]}""";

        List<ParsedEntry> entries = new JsonDigestParser().parse(digest.getBytes(StandardCharsets.UTF_8)).entries();

        assertThat(entries.get(0).authors()).containsExactly("Ada Lovelace", "Alan Turing");
        assertThat(entries.get(0).categories()).containsExactly("cs.LG", "stat.ML");
        assertThat(entries.get(0).upvotes()).isEqualTo(7);
        assertThat(entries.get(1).authors()).isEmpty();
        assertThat(entries.get(1).upvotes()).isNull();
    }

    @Test
    void wrong_or_oversized_metadata_is_refused_naming_the_field() {
        assertRefused("{\"entries\": [{\"title\": \"T\", \"authors\": \"Ada Lovelace\"}]}",
                "entries[0].authors must be an array, not a string.");
        assertRefused("{\"entries\": [{\"title\": \"T\", \"authors\": [\"Ada\", 3]}]}",
                "entries[0].authors[1] must be a string, not a number.");
        assertRefused("{\"entries\": [{\"title\": \"T\", \"upvotes\": -1}]}",
                "entries[0].upvotes must be a whole number from 0 up, not -1.");
        assertRefused("{\"entries\": [{\"title\": \"T\", \"upvotes\": 2.5}]}",
                "entries[0].upvotes must be a whole number from 0 up, not 2.5.");
        assertRefused("{\"entries\": [{\"title\": \"T\", \"authors\": [\"" + "x".repeat(301) + "\"]}]}",
                "entries[0].authors[0] is 301 characters long; the limit is 300.");
        assertRefused("{\"entries\": [{\"title\": \"T\", \"authors\": [" + "\"A\",".repeat(5_000) + "\"B\"]}]}",
                "entries[0].authors has 5001 names; at most 5000 are accepted.");
        assertRefused("[{\"paper\": {\"id\": \"2403.05530\", \"title\": \"T\", \"authors\": [\"Ada\"]}}]",
                "[0].paper.authors[0] must be an object with a name, not a string.");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> new JsonDigestParser().parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDigestException.class).hasMessage(message);
    }
}
