package dev.paperstream.ingest.startup;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;

import dev.paperstream.http.WarmUpSteps;
import dev.paperstream.http.WarmUpSteps.Step;
import dev.paperstream.ingest.domain.DigestFormat;
import dev.paperstream.ingest.domain.ParsedDigest;
import dev.paperstream.ingest.messaging.DigestEntryPublisher;
import dev.paperstream.ingest.persistence.DigestReceiptRepository;
import dev.paperstream.ingest.service.DigestIngestion;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Does at start-up what the first POST would otherwise wait for: the producer's metadata of digest-entries (a first
 * send blocks on it, and the idempotent producer gets its id meanwhile), a first receipt lookup (a pooled
 * connection, Hibernate's first query), and a rehearsal of a digest in each format (titles of its own, no arXiv ids,
 * so no real paper's alias is touched): parsed, its aliases looked up, its records built and its receipt and aliases
 * written in a transaction that is rolled back. Nothing is published or stored. Measured by the user-path benchmark, the first POST answered in ~600 ms without the rehearsal.
 * {@link WarmUpReadiness} reports the service ready once it is done.
 */
@ApplicationScoped
public class WarmUp {

    /** Enough entries for the page splitter's and the serializers' loops to run a few hundred times. */
    private static final int ENTRIES = 40;
    private static final LocalDate DATE = LocalDate.of(2000, 1, 1);
    private static final String SOURCE = "warm-up";

    private final WarmUpSteps steps;

    public WarmUp(DigestEntryPublisher publisher, DigestReceiptRepository receipts, DigestIngestion ingestion) {
        this.steps = new WarmUpSteps("ingest-warm-up", List.of(
                Step.untilDone("fetching the metadata of digest-entries", publisher::fetchMetadata),
                // no digest has an empty id: the lookup finds nothing, it only opens the path
                Step.untilDone("looking a receipt up", () -> receipts.findEarlier("", Optional.empty())),
                Step.once("rehearsing a digest in each format", () -> {
                    for (ParsedDigest digest : List.of(parse(DigestFormat.PAGE, page()), parse(DigestFormat.JSON, json()),
                            parse(DigestFormat.ATOM, atom()))) {
                        ingestion.rehearse(digest, DATE, SOURCE);
                    }
                })));
    }

    void onStart(@Observes StartupEvent start) {
        steps.start();
    }

    /** What is still being warmed up, empty once everything is. */
    public Optional<String> pending() {
        return steps.pending();
    }

    /** The rehearsals that failed and were skipped. */
    public List<String> skipped() {
        return steps.skipped();
    }

    private static ParsedDigest parse(DigestFormat format, String body) {
        return format.parser(StandardCharsets.UTF_8, Year.of(DATE.getYear()), ENTRIES)
                .parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String title(int i) {
        return "Warm-up Paper " + i + ": Sparse Attention for Long Documents";
    }

    private static String abstractText(int i) {
        return "We study warm-up " + i + " of a language model with 7B parameters on long documents. Code: "
                + "https://github.com/paperstream/warm-up-" + i + " and weights at https://huggingface.co/paperstream/"
                + "warm-up-" + i + ".\nThe method improves accuracy by 3.2% over the baseline.";
    }

    private static String page() {
        StringBuilder page = new StringBuilder();
        for (int i = 1; i <= ENTRIES; i++) {
            page.append(title(i)).append("\n\n").append(abstractText(i)).append("\n\n");
        }
        return page.toString();
    }

    private static String json() {
        StringBuilder json = new StringBuilder("{\"source\": \"warm-up\", \"entries\": [");
        for (int i = 1; i <= ENTRIES; i++) {
            json.append(i == 1 ? "" : ",").append("{\"title\": \"").append(title(i)).append("\", \"abstract\": \"")
                    .append(abstractText(i).replace("\n", "\\n"))
                    .append("\", \"authors\": [\"Ada Lovelace\", \"Alan Turing\"], ")
                    .append("\"categories\": [\"cs.CL\", \"cs.LG\"], \"upvotes\": ").append(i).append('}');
        }
        return json.append("]}").toString();
    }

    private static String atom() {
        StringBuilder atom = new StringBuilder("<feed xmlns=\"http://www.w3.org/2005/Atom\">");
        for (int i = 1; i <= ENTRIES; i++) {
            atom.append("<entry><id>urn:paperstream:warm-up:").append(i).append("</id>")
                    .append("<title>").append(title(i)).append("</title><summary>").append(abstractText(i))
                    .append("</summary><published>2000-01-01T00:00:00Z</published>")
                    .append("<author><name>Ada Lovelace</name></author><category term=\"cs.CL\"/></entry>");
        }
        return atom.append("</feed>").toString();
    }
}
