package dev.paperstream.notify.domain;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SSRF guard: which webhook URLs may be sent to. By default only {@code https} URLs whose host resolves to public
 * internet addresses only; with {@code allowPrivate} also {@code http} and loopback or private addresses. The same
 * check runs when a subscription is created and again before every attempt, on a fresh resolution, whose checked
 * address the attempt then connects to.
 */
public final class TargetPolicy {

    public static final int MAX_URL_LENGTH = 2000;

    /**
     * A last label that is a number ({@code 2130706433}, {@code 127.1}, {@code 0177.0.0.1}, {@code 0x7f000001}) makes
     * the host an IPv4 address to resolvers and browsers (the WHATWG URL rule), read in ways that differ; only the
     * plain dotted quad is taken.
     */
    private static final Pattern ENDS_IN_NUMBER = Pattern.compile("(?i)(^|\\.)(\\d+|0x[0-9a-f]*)\\.?$");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$");
    private static final Pattern HOST_NAME = Pattern.compile(
            "^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?$");

    private final boolean allowPrivate;
    private final HostResolver resolver;

    public TargetPolicy(boolean allowPrivate, HostResolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** The URL checked and resolved now, or a {@link RefusedTargetException} saying why not. */
    public WebhookTarget check(String raw) {
        URI url = parse(raw);
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        String host = host(url);
        int port = url.getPort() == -1 ? (https ? 443 : 80) : url.getPort();
        return new WebhookTarget(url, host, port, https, resolve(host));
    }

    private URI parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new RefusedTargetException("url is required: the https URL deliveries are POSTed to");
        }
        if (raw.length() > MAX_URL_LENGTH) {
            throw new RefusedTargetException("url must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI url;
        try {
            url = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw new RefusedTargetException("url is not a valid URL: " + e.getReason());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new RefusedTargetException("url must be an https URL" + (allowPrivate ? " or http URL" : "")
                    + (scheme.isEmpty() ? "" : ", not " + scheme + ":"));
        }
        if (url.isOpaque() || url.getRawAuthority() == null) {
            throw new RefusedTargetException("url must name a host, as in https://example.com/hooks");
        }
        if (url.getRawUserInfo() != null || url.getRawAuthority().contains("@")) {
            throw new RefusedTargetException("url must not carry a user name or password (user@host): put a token "
                    + "in the path or query if the receiver needs one; deliveries are signed");
        }
        if (url.getRawFragment() != null) {
            throw new RefusedTargetException("url must not have a fragment (#...): it is never sent");
        }
        return url;
    }

    private static String host(URI url) {
        String host = url.getHost();
        if (host == null) {
            // java.net.URI leaves the host null for names it cannot read (underscores, odd brackets)
            throw new RefusedTargetException("url has no host that can be read: " + url.getRawAuthority());
        }
        if (host.startsWith("[")) {
            return host.substring(1, host.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new RefusedTargetException("url's host is not a valid host name: " + host);
        }
        if (ENDS_IN_NUMBER.matcher(ascii).find() && !DOTTED_QUAD.matcher(ascii).matches()) {
            throw new RefusedTargetException("url's host " + host + " looks like an address but is not a plain dotted "
                    + "IPv4 address; write the address as four decimal numbers, or use a name");
        }
        if (!DOTTED_QUAD.matcher(ascii).matches() && !HOST_NAME.matcher(ascii).matches()) {
            throw new RefusedTargetException("url's host is not a valid host name: " + host);
        }
        return ascii;
    }

    private InetAddress resolve(String host) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new UnresolvedHostException("url's host " + host + " does not resolve");
        }
        if (addresses.length == 0) {
            throw new UnresolvedHostException("url's host " + host + " does not resolve");
        }
        if (!allowPrivate) {
            // every address is checked, not only the first: a resolver may hand them out in any order
            for (InetAddress address : addresses) {
                Optional<String> reason = AddressRanges.nonPublic(address);
                if (reason.isPresent()) {
                    throw new RefusedTargetException("url's host " + host + " resolves to " + address.getHostAddress()
                            + ", a " + reason.get() + " address; webhooks go to public internet addresses only");
                }
            }
        }
        return addresses[0];
    }
}
