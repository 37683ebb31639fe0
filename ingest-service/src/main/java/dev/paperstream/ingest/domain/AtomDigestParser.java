package dev.paperstream.ingest.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an Atom feed ({@code application/atom+xml}) as the arXiv API and arXiv's RSS service write them: each
 * {@code entry} gives the arXiv id in its {@code id} (version dropped), {@code title}, {@code summary},
 * {@code published}, its authors ({@code <author><name>}) and categories ({@code arxiv:primary_category} first, then
 * each {@code <category term>}). The digest date is the latest {@code published} day. DTDs are refused outright,
 * which rules out external entities and entity-expansion bombs before any is read.
 */
public final class AtomDigestParser implements DigestParser {

    public static final String SOURCE = "arxiv-atom";

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** arXiv's extension elements, such as {@code arxiv:primary_category}. */
    private static final String ARXIV = "http://arxiv.org/schemas/atom";
    /** arXiv's RSS service starts each summary with this line before the abstract proper. */
    private static final Pattern ANNOUNCEMENT = Pattern.compile(
            "(?s)^arXiv:\\S+\\s+Announce Type:\\s*\\S+\\s+Abstract:\\s*");
    /** Atom nests four or five levels (feed, entry, author, name; xhtml content a few more); deeper is no feed. */
    static final int MAX_DEPTH = 64;

    private final int maxEntries;

    public AtomDigestParser() {
        this(Limits.DEFAULT_MAX_ENTRIES);
    }

    /** @param maxEntries more entries are refused before any is read */
    public AtomDigestParser(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    @Override
    public ParsedDigest parse(byte[] body) {
        Element feed = read(body).getDocumentElement();
        if (!"feed".equals(feed.getLocalName()) || !isAtom(feed)) {
            throw new InvalidDigestException("The XML is not an Atom feed: its root element is <" + feed.getTagName()
                    + ">, expected <feed xmlns=\"" + ATOM + "\">.");
        }
        List<ParsedEntry> entries = new ArrayList<>();
        List<LocalDate> published = new ArrayList<>();
        List<Element> feedEntries = children(feed, "entry");
        Limits.entries(feedEntries.size(), maxEntries);
        int index = 0;
        for (Element entry : feedEntries) {
            int number = ++index;
            String where = "Atom entry " + number;
            String title = child(entry, "title").map(element -> text(element, Digest.MAX_TITLE_LENGTH, where + " <title>"))
                    .map(Text::singleLine).orElse("");
            if (title.isEmpty()) {
                throw new InvalidDigestException("Atom entry " + number + " has no title.");
            }
            Optional<String> arxivId = child(entry, "id")
                    .map(id -> Limits.field(id.getTextContent(), Limits.MAX_ARXIV_ID_LENGTH, where + " <id>"))
                    .flatMap(ArxivId::parse);
            String summary = child(entry, "summary").or(() -> child(entry, "content"))
                    .map(element -> text(element, Digest.MAX_ABSTRACT_LENGTH, where + " <summary>"))
                    .map(text -> ANNOUNCEMENT.matcher(text.strip()).replaceFirst(""))
                    .map(Text::paragraphs).orElse("");
            entries.add(new ParsedEntry(title, summary, arxivId.orElse(null), link(entry).orElse(null),
                    MetadataLimits.authors(authors(entry), where + " <author>"),
                    MetadataLimits.categories(categories(entry), where + " <category>"), null));
            child(entry, "published").or(() -> child(entry, "updated"))
                    .map(element -> Limits.field(element.getTextContent(), Limits.MAX_DATE_LENGTH, where + " <published>"))
                    .map(String::strip)
                    .ifPresent(timestamp -> published.add(day(timestamp, number)));
        }
        if (entries.isEmpty()) {
            throw new InvalidDigestException("No entry found: the Atom feed has no <entry>.");
        }
        return new ParsedDigest(published.stream().max(Comparator.naturalOrder()), Optional.of(SOURCE), entries);
    }

    private static Document read(byte[] body) {
        if (body.length == 0) {
            throw new InvalidDigestException("The body is empty: send an Atom feed.");
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new Refusing());
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw new InvalidDigestException("The feed has a <!DOCTYPE>: DTDs and entity declarations are not "
                        + "accepted. Remove the DOCTYPE and send the feed again.");
            }
            if (e.getMessage() != null && e.getMessage().contains("maxElementDepth")) {
                throw new InvalidDigestException("The feed nests elements more than " + MAX_DEPTH + " deep (line "
                        + e.getLineNumber() + "); an Atom feed needs about five levels.");
            }
            throw new InvalidDigestException("Malformed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new InvalidDigestException("Unreadable XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a secure-processing feature", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // refused while parsing: reading text out of a deeper tree would recurse once per level
        factory.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** Without it the parser also prints every error to stderr. */
    private static final class Refusing implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    private static boolean isAtom(Element element) {
        return ATOM.equals(element.getNamespaceURI());
    }

    private static List<Element> children(Element parent, String name) {
        return children(parent, ATOM, name);
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
                found.add(element);
            }
        }
        return found;
    }

    /** Each {@code <author><name>}, in the feed's order. */
    private static List<String> authors(Element entry) {
        List<String> names = new ArrayList<>();
        for (Element author : children(entry, "author")) {
            names.add(child(author, "name").map(Element::getTextContent).orElse(""));
        }
        return names;
    }

    /** arXiv's primary category first, then each {@code <category term>} (the primary one is listed again there). */
    private static List<String> categories(Element entry) {
        List<String> terms = new ArrayList<>();
        children(entry, ARXIV, "primary_category").forEach(primary -> terms.add(primary.getAttribute("term")));
        children(entry, "category").forEach(category -> terms.add(category.getAttribute("term")));
        return terms;
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /**
     * Text of a text construct, refused when longer than {@code max} as sent; {@code type="html"} holds escaped
     * markup, whose tags are dropped.
     */
    private static String text(Element element, int max, String what) {
        String text = Limits.field(element.getTextContent(), max, what);
        return "html".equals(element.getAttribute("type")) ? withoutTags(text) : text;
    }

    /** Each {@code <...>} becomes a space; a {@code <} with no {@code >} after it stays. Linear in the text. */
    static String withoutTags(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int at = 0;
        for (int open = html.indexOf('<'); open >= 0; open = html.indexOf('<', at)) {
            int close = html.indexOf('>', open);
            if (close < 0) {
                break;
            }
            out.append(html, at, open).append(' ');
            at = close + 1;
        }
        return out.append(html, at, html.length()).toString();
    }

    /** The first alternate link that is an absolute http(s) URL; any other ({@code javascript:}, relative) is dropped. */
    private static Optional<String> link(Element entry) {
        for (Element link : children(entry, "link")) {
            String rel = link.getAttribute("rel");
            if (rel.isEmpty() || "alternate".equals(rel)) {
                Optional<String> href = Links.httpUrl(link.getAttribute("href"));
                if (href.isPresent()) {
                    return href;
                }
            }
        }
        return Optional.empty();
    }

    private static LocalDate day(String timestamp, int index) {
        try {
            return Limits.date(OffsetDateTime.parse(timestamp).toLocalDate(), "Atom entry " + index + " <published>");
        } catch (DateTimeParseException e) {
            throw new InvalidDigestException("Atom entry " + index + " has an unparseable <published> \"" + timestamp
                    + "\"; expected an RFC 3339 timestamp like 2024-03-14T17:59:59Z.");
        }
    }
}
