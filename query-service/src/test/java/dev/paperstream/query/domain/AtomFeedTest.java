package dev.paperstream.query.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class AtomFeedTest {

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void markupAndControlCharactersStayText() throws Exception {
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 14, 6, 0, 0, 0, ZoneOffset.ofHours(2));
        AtomFeed feed = new AtomFeed("tag:x,2026:f", "a <b>bold</b> & \"quoted\" feed", "http://h/self?q=a&b",
                "http://h/alt", List.of(new AtomFeed.Entry("tag:x,2026:e", "bell\u0007 </title>", "http://h/e", "https://arxiv.org/abs/e",
                at, at, "]]> <![CDATA[", List.of("a&b"))));
        Document document = parse(feed.toXml());
        assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo(AtomFeed.NAMESPACE);
        assertThat(document.getElementsByTagNameNS(AtomFeed.NAMESPACE, "title").item(0).getTextContent())
                .isEqualTo("a <b>bold</b> & \"quoted\" feed");
        assertThat(document.getElementsByTagNameNS(AtomFeed.NAMESPACE, "title").item(1).getTextContent())
                .isEqualTo("bell </title>");
        assertThat(document.getElementsByTagNameNS(AtomFeed.NAMESPACE, "summary").item(0).getTextContent())
                .isEqualTo("]]> <![CDATA[");
        assertThat(document.getElementsByTagNameNS(AtomFeed.NAMESPACE, "updated").item(0).getTextContent())
                .isEqualTo("2026-03-14T04:00:00Z");
    }

    @Test
    void emptyFeedHasAStableUpdatedTime() {
        AtomFeed feed = new AtomFeed("tag:x,2026:f", "empty", "http://h/s", "http://h/a", List.of());
        assertThat(feed.updated()).isEqualTo(OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }
}
