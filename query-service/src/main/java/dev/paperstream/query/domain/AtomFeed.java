package dev.paperstream.query.domain;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287) of papers. Every entry has an author, so feed readers that require one are content;
 * all text goes through the XML writer, so titles that look like markup stay text.
 */
public record AtomFeed(String id, String title, String selfUrl, String alternateUrl, List<Entry> entries) {

    public static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    public static final String MEDIA_TYPE = "application/atom+xml";
    private static final String AUTHOR = "paperstream";
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /**
     * One paper: {@code pageUrl} is its web page, where a reader opens it; {@code sourceUrl} its own page (arXiv's),
     * or null; {@code categories} its topic slugs.
     */
    public record Entry(String id, String title, String pageUrl, String sourceUrl, OffsetDateTime updated,
                        OffsetDateTime published, String summary, List<String> categories) {
    }

    /** The feed's last change: its newest entry's, or a fixed past instant for an empty feed so it stays stable. */
    public OffsetDateTime updated() {
        return entries.stream().map(Entry::updated).max(Comparator.naturalOrder()).orElse(EPOCH);
    }

    public String toXml() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "id", id);
            element(xml, "title", title);
            element(xml, "updated", timestamp(updated()));
            link(xml, "self", selfUrl);
            link(xml, "alternate", alternateUrl);
            xml.writeStartElement("author");
            element(xml, "name", AUTHOR);
            xml.writeEndElement();
            element(xml, "generator", "paperstream query-service");
            for (Entry entry : entries) {
                xml.writeStartElement("entry");
                element(xml, "id", entry.id());
                element(xml, "title", entry.title());
                element(xml, "updated", timestamp(entry.updated()));
                element(xml, "published", timestamp(entry.published()));
                link(xml, "alternate", entry.pageUrl());
                if (entry.sourceUrl() != null) {
                    link(xml, "related", entry.sourceUrl());
                }
                for (String category : entry.categories()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", xmlText(category));
                }
                xml.writeStartElement("summary");
                xml.writeAttribute("type", "text");
                xml.writeCharacters(xmlText(entry.summary()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write an Atom feed", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", xmlText(href));
    }

    /** Drops the characters XML 1.0 cannot carry at all (most control characters); the writer escapes the rest. */
    static String xmlText(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(clean::appendCodePoint);
        return clean.toString();
    }

    private static String timestamp(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
