package dev.capi.blobstore.webdav;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The members of one collection, read from a {@code PROPFIND} ({@code Depth: 1}) multistatus answer. */
final class DavListing {
    private static final String DAV = "DAV:";

    /** One member: its decoded path, whether it is a collection, and when it was last modified. */
    record Entry(String path, boolean collection, Instant lastModified) {
    }

    private DavListing() {
    }

    static List<Entry> parse(InputStream xml) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            doc = factory.newDocumentBuilder().parse(xml);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable PROPFIND answer: " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        NodeList responses = doc.getElementsByTagNameNS(DAV, "response");
        for (int i = 0; i < responses.getLength(); i++) {
            Element response = (Element) responses.item(i);
            String href = text(response, "href");
            if (href == null) {
                continue;
            }
            boolean collection = response.getElementsByTagNameNS(DAV, "collection").getLength() > 0;
            entries.add(new Entry(URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8), collection,
                    lastModified(text(response, "getlastmodified"))));
        }
        return entries;
    }

    /**
     * An RFC 1123 date ({@code Last-Modified}, {@code getlastmodified}); now when missing or unreadable, so that an
     * orphan sweep never takes such a blob for old.
     */
    static Instant lastModified(String rfc1123) {
        if (rfc1123 == null || rfc1123.isBlank()) {
            return Instant.now();
        }
        try {
            return ZonedDateTime.parse(rfc1123.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    private static String text(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS(DAV, localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }
}
