package dev.paperstream.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What RFC 4287 requires of an Atom document, checked on the bytes a reader gets: well-formed namespace-aware XML
 * (the JDK's parser, no DTDs), a feed with exactly one id (an absolute IRI), title and updated (RFC 3339), an
 * author for the feed (so entries need none), a self link; each entry with exactly one id, title and updated, an
 * alternate link (entries carry no content) and at most one alternate per type; every link href absolute.
 */
public final class AtomValidity {

    public static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomValidity() {
    }

    /** The feed element of a valid Atom document; fails the test otherwise. */
    public static Element feed(byte[] body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        Element feed = document.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        requireMetadata(feed);
        assertThat(children(feed, "author")).as("feed author").hasSize(1);
        assertThat(children(children(feed, "author").get(0), "name")).hasSize(1);
        assertThat(children(feed, "link")).extracting(l -> l.getAttribute("rel")).contains("self");
        requireLinks(feed);
        for (Element entry : children(feed, "entry")) {
            requireMetadata(entry);
            assertThat(children(entry, "content")).as("entries carry no content").isEmpty();
            assertThat(children(entry, "link")).extracting(l -> l.getAttribute("rel")).contains("alternate");
            requireLinks(entry);
        }
        return feed;
    }

    private static void requireMetadata(Element element) {
        assertThat(children(element, "id")).as("atom:id").hasSize(1);
        assertThat(children(element, "title")).as("atom:title").hasSize(1);
        assertThat(children(element, "updated")).as("atom:updated").hasSize(1);
        assertThat(URI.create(text(element, "id")).isAbsolute()).as("atom:id is an absolute IRI").isTrue();
        assertThat(OffsetDateTime.parse(text(element, "updated"))).isNotNull();
        for (Element published : children(element, "published")) {
            assertThat(OffsetDateTime.parse(published.getTextContent())).isNotNull();
        }
    }

    private static void requireLinks(Element element) {
        Set<String> alternates = new HashSet<>();
        for (Element link : children(element, "link")) {
            assertThat(URI.create(link.getAttribute("href")).isAbsolute()).as("link href " + link.getAttribute("href"))
                    .isTrue();
            if (link.getAttribute("rel").equals("alternate")) {
                assertThat(alternates.add(link.getAttribute("type") + " " + link.getAttribute("hreflang")))
                        .as("one alternate link per type and language").isTrue();
            }
        }
    }

    public static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    public static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }

    /** The href of the element's link with this rel, or null. */
    public static String link(Element parent, String rel) {
        return children(parent, "link").stream().filter(l -> l.getAttribute("rel").equals(rel))
                .map(l -> l.getAttribute("href")).findFirst().orElse(null);
    }
}
