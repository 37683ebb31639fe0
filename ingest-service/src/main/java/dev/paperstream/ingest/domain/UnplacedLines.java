package dev.paperstream.ingest.domain;

/**
 * Lines of a digest page that the splitter could not put into an entry, named rather than dropped or merged.
 *
 * @param lines  1-based line numbers of the page, {@code "12"} or {@code "12-14"}
 * @param reason why the lines could not be placed
 */
public record UnplacedLines(String lines, String reason) {

    static UnplacedLines of(int firstLine, int lastLine, String reason) {
        return new UnplacedLines(firstLine == lastLine ? Integer.toString(firstLine) : firstLine + "-" + lastLine, reason);
    }
}
