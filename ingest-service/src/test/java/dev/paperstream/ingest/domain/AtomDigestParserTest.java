package dev.paperstream.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AtomDigestParserTest {

    private final AtomDigestParser parser = new AtomDigestParser();

    @Test
    void arxiv_api_feed_gives_ids_without_version_titles_on_one_line_and_the_latest_date() {
        ParsedDigest digest = parser.parse(Fixtures.bytes("arxiv-api.atom.xml"));

        assertThat(digest.entries()).extracting(ParsedEntry::arxivId).containsExactly("2403.07816", "cs/0112017");
        ParsedEntry first = digest.entries().get(0);
        assertThat(first.title()).isEqualTo("Adapters All the Way Down: Stacking Low-Rank Updates for Continual Fine-Tuning");
        assertThat(first.abstractText()).isEqualTo("We stack low-rank adapters, one per task, and merge them only when "
                + "two tasks agree. Forgetting drops by half on a 12-task stream.\n\n"
                + "Code is at https://github.com/example/adapters-down .");
        assertThat(first.url()).isEqualTo("http://arxiv.org/abs/2403.07816v2");
        assertThat(digest.date()).contains(LocalDate.of(2024, 3, 12));
        assertThat(digest.source()).contains(AtomDigestParser.SOURCE);
    }

    @Test
    void arxiv_rss_announcement_line_is_not_part_of_the_abstract() {
        String feed = """
                <feed xmlns="http://www.w3.org/2005/Atom"><entry>
                <id>oai:arXiv.org:2403.08763v1</id><title>Continual Pre-training at Scale</title>
                <summary>arXiv:2403.08763v1 Announce Type: new
                Abstract: Large models can keep learning if the learning rate is re-warmed.</summary>
                <published>2024-03-14T00:00:00-04:00</published></entry></feed>""";

        ParsedEntry entry = parser.parse(feed.getBytes(StandardCharsets.UTF_8)).entries().get(0);

        assertThat(entry.arxivId()).isEqualTo("2403.08763");
        assertThat(entry.abstractText()).isEqualTo("Large models can keep learning if the learning rate is re-warmed.");
    }

    @Test
    void dtds_external_entities_and_entity_bombs_are_refused_unread() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE feed [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&secret;</title></entry></feed>""";
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lol3;</title></entry></feed>""";

        assertRefused(xxe, "DTDs and entity declarations are not accepted");
        assertRefused(bomb, "DTDs and entity declarations are not accepted");
    }

    @Test
    void malformed_or_foreign_xml_is_refused_with_a_reason() {
        assertRefused("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>", "Malformed XML at line 1");
        assertRefused("<rss version=\"2.0\"><channel/></rss>", "root element is <rss>");
        assertRefused("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", "No entry found");
        assertRefused("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><summary>x</summary></entry></feed>",
                "Atom entry 1 has no title");
        assertRefused("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>T</title><published>yesterday</published></entry></feed>",
                "unparseable <published> \"yesterday\"");
        assertThatThrownBy(() -> parser.parse(new byte[] {'<', 'a', '>', (byte) 0xFF, (byte) 0xFE, '<', '/', 'a', '>'}))
                .isInstanceOf(InvalidDigestException.class);
    }

    private void assertRefused(String xml, String detail) {
        assertThatThrownBy(() -> parser.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidDigestException.class).hasMessageContaining(detail);
    }
}
