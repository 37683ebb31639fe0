package dev.paperstream.enrich.domain;

/** A paper given as an example of a topic by whoever defined it: a topic may be recognised by its likeness. */
public record TopicExample(String title, String abstractText) {

    public static final int MAX_TITLE = 1000;
    public static final int MAX_ABSTRACT = 10_000;

    public TopicExample {
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
        if (title.isBlank()) {
            throw new IllegalArgumentException("title must not be blank");
        }
        if (title.length() > MAX_TITLE || abstractText.length() > MAX_ABSTRACT) {
            throw new IllegalArgumentException("title may have at most " + MAX_TITLE + " characters and abstract at most "
                    + MAX_ABSTRACT);
        }
        TopicRules.checkNoControl("title", title);
        TopicRules.checkNoControl("abstract", abstractText.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
    }
}
