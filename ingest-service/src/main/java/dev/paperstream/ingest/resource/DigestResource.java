package dev.paperstream.ingest.resource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.paperstream.http.Problem;
import dev.paperstream.ingest.config.IngestConfig;
import dev.paperstream.ingest.domain.DigestFormat;
import dev.paperstream.ingest.domain.DigestTooLargeException;
import dev.paperstream.ingest.domain.InvalidDigestException;
import dev.paperstream.ingest.domain.Limits;
import dev.paperstream.ingest.domain.ParsedDigest;
import dev.paperstream.ingest.domain.Text;
import dev.paperstream.ingest.domain.UnsupportedFormatException;
import dev.paperstream.ingest.service.DigestIngestion;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code POST /digests}: a digest in any supported format becomes entries on Kafka exactly once, or a refusal.
 * Every media type is let in and dispatched here, so an unknown one gets this service's 415 problem.
 */
@Path("/digests")
@Tag(name = "Digests", description = "Digests in: each becomes entries on Kafka exactly once, or a refusal")
@SecurityScheme(securitySchemeName = DigestResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A token from the server's PAPERSTREAM_API_TOKENS")
public class DigestResource {

    static final String BEARER = "bearerToken";

    private static final Set<String> PARAMETERS = Set.of("date", "year", "source");

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final DigestIngestion ingestion;
    private final IngestConfig config;
    private final String queryBaseUrl;

    public DigestResource(DigestIngestion ingestion, IngestConfig config,
            @ConfigProperty(name = "paperstream.query.base-url") String queryBaseUrl) {
        this.ingestion = ingestion;
        this.config = config;
        this.queryBaseUrl = queryBaseUrl.replaceAll("/+$", "");
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "submitDigest", summary = "Submit a digest", description = "text/plain (a digest page), "
            + "application/json (a JSON digest or the Hugging Face daily-papers list) or application/atom+xml (an arXiv "
            + "Atom feed).")
    @SecurityRequirement(name = BEARER)
    @RequestBody(required = true, content = {
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/atom+xml", schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "202", description = "Accepted: every entry is on Kafka; a page's lines that are in no "
            + "entry are listed in unplaced", headers = @Header(
            name = "Location", description = "The digest's progress on query-service", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptResponse.class)))
    @APIResponse(responseCode = "200", description = "Already accepted earlier: the first receipt",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceiptResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a readable digest, a parameter refused, or a page with text but "
            + "no title followed by an abstract (the detail names its lines)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or wrong bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body or entry count over the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Unsupported media type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka or the database unreachable, or other digests fill the bytes "
            + "ingest works on at once (busy); retry after Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "Names the digest: the same key again gets the first receipt (1 to 200 visible ASCII characters)")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Parameter(description = "The digest's date, YYYY-MM-DD; wins over one the body names")
            @QueryParam("date") String date,
            @Parameter(description = "The year of a page's date line that names none, like \"Mar 14\"")
            @QueryParam("year") String year,
            @Parameter(description = "Where the digest comes from, a free label")
            @QueryParam("source") String source,
            @Context UriInfo uri,
            @Context RoutingContext routing,
            InputStream body) {
        try (DigestsInFlight.Working share = DigestsInFlight.working(routing)) {
            return submit(contentType, idempotencyKey, date, year, source, uri, body);
        }
    }

    private Response submit(String contentType, String idempotencyKey, String date, String year, String source,
            UriInfo uri, InputStream body) {
        refuseUnknownParameters(uri);
        MediaType mediaType = mediaType(contentType);
        DigestFormat format = DigestFormat.forMediaType(mediaType.getType() + "/" + mediaType.getSubtype());
        Optional<String> key = idempotencyKey(idempotencyKey);
        Optional<LocalDate> requestDate = date(date);
        Year pageYear = year(year);
        Optional<String> requestSource = source(source);

        ParsedDigest parsed = format.parser(charset(mediaType), pageYear, config.maxEntries()).parse(read(body));
        DigestIngestion.Outcome outcome = ingestion.ingest(parsed, requestDate, requestSource, format.defaultSource(), key);

        return Response.status(outcome.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(progress(outcome.receipt().digestId))
                .entity(ReceiptResponse.of(outcome.receipt()))
                .build();
    }

    /** A misspelt {@code ?yaer=2024} would otherwise be ignored and the page dated in the current year. */
    private static void refuseUnknownParameters(UriInfo uri) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidDigestException("Unknown query parameter " + name + ": POST /digests takes date, year and source.");
            }
        }
    }

    private URI progress(String digestId) {
        return URI.create(queryBaseUrl + "/digests/" + digestId);
    }

    private byte[] read(InputStream body) {
        long limit = config.maxBodySize().asLongValue();
        try {
            byte[] bytes = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw DigestTooLargeException.bodyOver(limit);
            }
            if (isBlank(bytes)) {
                throw new InvalidDigestException("The body is empty: send a digest.");
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidDigestException("The body could not be read: " + e.getMessage());
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new UnsupportedFormatException("The request has no Content-Type. Send " + DigestFormat.SUPPORTED + ".");
        }
        try {
            return MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedFormatException("Content-Type \"" + contentType + "\" is not a media type. Send "
                    + DigestFormat.SUPPORTED + ".");
        }
    }

    private static Charset charset(MediaType mediaType) {
        String name = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedFormatException("charset \"" + name + "\" is not supported; send UTF-8.");
        }
    }

    private static Optional<String> idempotencyKey(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (!IDEMPOTENCY_KEY.matcher(raw.strip()).matches()) {
            throw new InvalidDigestException("Idempotency-Key must be 1 to 200 visible ASCII characters.");
        }
        return Optional.of(raw.strip());
    }

    private static Optional<LocalDate> date(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidDigestException("The date parameter \"" + abbreviated(raw)
                    + "\" is not a date of the form YYYY-MM-DD.");
        }
        return Optional.of(Limits.date(parsed, "The date parameter"));
    }

    private static Year year(String raw) {
        if (raw == null || raw.isBlank()) {
            return Year.now(ZoneOffset.UTC);
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= 1000 && value <= 9999) {
                return Year.of(value);
            }
        } catch (NumberFormatException e) {
            // refused below like an out-of-range year
        }
        throw new InvalidDigestException("The year parameter \"" + abbreviated(raw) + "\" is not a four-digit year "
                + "(1000 to 9999).");
    }

    /** Cleaned like a source named in the body: control characters such as NUL dropped, spaces collapsed. */
    private static Optional<String> source(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        if (raw.length() > Limits.MAX_SOURCE_LENGTH) {
            throw new InvalidDigestException("The source parameter is longer than " + Limits.MAX_SOURCE_LENGTH
                    + " characters.");
        }
        return Optional.of(Text.singleLine(raw)).filter(source -> !source.isEmpty());
    }

    private static String abbreviated(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 37) + "...";
    }
}
