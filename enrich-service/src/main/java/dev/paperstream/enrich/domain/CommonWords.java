package dev.paperstream.enrich.domain;

import java.util.Set;

/**
 * English function words and the words nearly every ML abstract uses: they say nothing about a paper's topic, so
 * neither example papers nor the trained models are built from them.
 */
public final class CommonWords {

    private static final Set<String> COMMON = Set.of(
            "a", "about", "above", "across", "after", "again", "against", "all", "also", "although", "among", "an",
            "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "between", "both", "but", "by",
            "can", "could", "did", "do", "does", "doing", "done", "during", "each", "either", "et", "etc", "even",
            "for", "from", "further", "had", "has", "have", "having", "here", "how", "however", "i", "if", "in",
            "into", "is", "it", "its", "itself", "just", "may", "might", "more", "most", "much", "must", "neither",
            "of", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "out", "over", "own",
            "per", "same", "several", "should", "since", "so", "some", "such", "that", "the", "their", "them", "then",
            "there", "these", "they", "this", "those", "though", "through", "thus", "to", "too", "two", "under",
            "up", "upon", "us", "use", "used", "uses", "using", "very", "via", "was", "we", "were", "what", "when",
            "where", "whether", "which", "while", "who", "whose", "why", "will", "with", "within", "would", "yet",
            "approach", "approaches", "achieve", "achieves", "achieving", "address", "based", "demonstrate",
            "demonstrates", "existing", "experiments", "experimental", "extensive", "framework", "furthermore",
            "introduce", "introduces", "key", "method", "methods", "moreover", "new", "novel", "paper", "present",
            "presents", "propose", "proposed", "proposes", "provide", "provides", "remains", "result", "results",
            "show", "shows", "significant", "significantly", "state", "art", "study", "work", "well", "first",
            "available", "https", "www", "com");

    private CommonWords() {
    }

    public static boolean isCommon(String lowerCaseWord) {
        return COMMON.contains(lowerCaseWord);
    }
}
