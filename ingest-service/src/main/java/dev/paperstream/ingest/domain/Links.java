package dev.paperstream.ingest.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** An entry's own link: only absolute {@code http} and {@code https} links, so no stored link can run script. */
final class Links {

    private Links() {
    }

    /** The link when it is an absolute http(s) URL with a host and no space, control character or lone surrogate. */
    static Optional<String> httpUrl(String raw) {
        String url = raw.strip();
        if (url.isEmpty() || url.length() > Limits.MAX_URL_LENGTH || !printable(url)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()))) {
                return Optional.of(uri.toString());
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean printable(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.isHighSurrogate(c) && (i + 1 == url.length() || !Character.isLowSurrogate(url.charAt(++i)))
                    || Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
