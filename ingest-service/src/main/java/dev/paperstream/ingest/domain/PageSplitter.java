package dev.paperstream.ingest.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the paragraphs of a digest page (chrome already removed) into entries, a title and its abstract each, and
 * names what it cannot place instead of guessing (README, "How the page splitter finds titles").
 * <p>
 * A paragraph is a title when it is {@linkplain TitleShape#TITLE shaped like one} and followed by an abstract: plain
 * text that starts a sentence and is longer than the title. Anything else title-shaped is doubtful: it is either a
 * title or part of the abstract above it, and the text from it up to the next title goes to neither entry but is
 * reported as unplaced.
 */
final class PageSplitter {

    record Split(List<ParsedEntry> entries, List<UnplacedLines> unplaced) {
    }

    private PageSplitter() {
    }

    static Split split(List<PageParagraph> paragraphs) {
        int n = paragraphs.size();
        TitleShape[] shapes = new TitleShape[n];
        for (int i = 0; i < n; i++) {
            shapes[i] = TitleShape.of(paragraphs.get(i).text(), paragraphs.get(i).singleLine());
        }
        // length of the plain text from each paragraph up to the next title-shaped one
        long[] proseAhead = new long[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            proseAhead[i] = shapes[i] == TitleShape.PROSE ? paragraphs.get(i).text().length() + proseAhead[i + 1] : 0;
        }
        List<ParsedEntry> entries = new ArrayList<>();
        List<UnplacedLines> unplaced = new ArrayList<>();
        String title = null;
        List<String> abstractParagraphs = new ArrayList<>();
        Doubt doubt = null;
        for (int i = 0; i < n; i++) {
            PageParagraph paragraph = paragraphs.get(i);
            if (isTitle(i, paragraphs, shapes, proseAhead)) {
                if (doubt != null) {
                    unplaced.add(doubt.lines());
                    doubt = null;
                }
                if (title != null) {
                    entries.add(entry(title, abstractParagraphs));
                }
                title = paragraph.text();
                abstractParagraphs.clear();
            } else if (doubt != null) {
                doubt.lastLine = paragraph.lastLine();
            } else if (title == null || shapes[i] != TitleShape.PROSE) {
                doubt = new Doubt(paragraph.firstLine(), paragraph.lastLine(),
                        title == null ? "text before the first title" : reason(i, paragraphs, shapes));
            } else {
                abstractParagraphs.add(paragraph.text());
            }
        }
        if (doubt != null) {
            unplaced.add(doubt.lines());
        }
        if (title != null) {
            entries.add(entry(title, abstractParagraphs));
        }
        return new Split(entries, unplaced);
    }

    private static boolean isTitle(int i, List<PageParagraph> paragraphs, TitleShape[] shapes, long[] proseAhead) {
        return shapes[i] == TitleShape.TITLE && i + 1 < paragraphs.size() && shapes[i + 1] == TitleShape.PROSE
                && TitleShape.startsSentence(paragraphs.get(i + 1).text())
                && proseAhead[i + 1] > paragraphs.get(i).text().length();
    }

    private static String reason(int i, List<PageParagraph> paragraphs, TitleShape[] shapes) {
        if (shapes[i] == TitleShape.SENTENCE) {
            return "a line that reads like a sentence without its final punctuation: a paragraph of the abstract "
                    + "above, or a title";
        }
        if (i + 1 == paragraphs.size()) {
            return "a title-like line with no abstract after it";
        }
        if (shapes[i + 1] != TitleShape.PROSE) {
            return "a title-like line followed by another: the end of the abstract above, or a title";
        }
        if (!TitleShape.startsSentence(paragraphs.get(i + 1).text())) {
            return "a title-like line followed by text that does not start a sentence";
        }
        return "a title-like line followed by less text than itself";
    }

    private static ParsedEntry entry(String title, List<String> abstractParagraphs) {
        // a title stays as the page wrote it, like a title from any other format; only abstract text is tidied
        return new ParsedEntry(title, String.join("\n\n", abstractParagraphs.stream().map(Text::tidyPunctuation)
                .toList()), null, null);
    }

    private static final class Doubt {
        private final int firstLine;
        private int lastLine;
        private final String reason;

        Doubt(int firstLine, int lastLine, String reason) {
            this.firstLine = firstLine;
            this.lastLine = lastLine;
            this.reason = reason;
        }

        UnplacedLines lines() {
            return UnplacedLines.of(firstLine, lastLine, reason);
        }
    }
}
