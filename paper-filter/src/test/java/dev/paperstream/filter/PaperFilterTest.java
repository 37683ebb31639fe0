package dev.paperstream.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PaperFilterTest {

    private static PaperFilter parse(String q, String sort, String... topics) {
        return PaperFilter.parse(q, Arrays.asList(topics), null, null, null, null, null, null, null, null, null, sort);
    }

    @Test
    void sortsByRelevanceOnlyWhenThereIsSearchText() {
        assertThat(parse("lora", null).sort()).isEqualTo(PaperSort.RELEVANCE);
        assertThat(parse(null, null).sort()).isEqualTo(PaperSort.RECENT);
        assertThat(parse("   ", null).searchText()).isNull();
        assertThat(parse("lora", "recent").sort()).isEqualTo(PaperSort.RECENT);
        assertThatThrownBy(() -> parse(null, "relevance")).extracting("parameter").isEqualTo("sort");
        assertThatThrownBy(() -> parse("x", "newest")).hasMessage("sort must be relevance or recent");
    }

    @Test
    void stackedNegationsAreCutToTwoWhichMeanTheSame() {
        // PostgreSQL nests a NOT per sign and fails at 32 ("tsquery stack too small"); pairs cancel out
        assertThat(parse("-".repeat(33), null).searchText()).isEqualTo("-");
        assertThat(parse("- ".repeat(40) + "vision", null).searchText()).isEqualTo("-- vision");
        assertThat(parse("---vision lora", null).searchText()).isEqualTo("-vision lora");
        assertThat(parse("lora --vision -x state-of-the-art", null).searchText()).isEqualTo("lora --vision -x state-of-the-art");
        assertThat(PaperFilter.search("a ---- b").searchText()).isEqualTo("a -- b");
    }

    @Test
    void topicsAreTrimmedDeduplicatedAndSorted() {
        assertThat(parse(null, null, "llm", " peft ", "llm", "").topics()).containsExactly("llm", "peft");
    }

    @Test
    void sameQuestionSameFingerprintWhateverTheOrderOrCase() {
        PaperFilter a = PaperFilter.parse("lora", List.of("peft", "llm"), "LLaMA", null, "true", "code", null, null, null,
                "2026-01-01", null, null);
        PaperFilter b = PaperFilter.parse(" lora ", List.of("llm", "peft"), "llama", null, "TRUE", "code", null, null, null,
                "2026-01-01", null, null);
        PaperFilter c = PaperFilter.parse("lora", List.of("llm"), "llama", null, "true", "code", null, null, null,
                "2026-01-01", null, null);
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).isNotEqualTo(c.fingerprint());
        assertThat(a.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(a.hasCode()).isTrue();
    }

    @Test
    void refusesWhatItCannotAnswer() {
        assertThatThrownBy(() -> PaperFilter.parse(null, List.of(), null, null, "yes", null, null, null, null, null, null,
                null))
                .extracting("parameter").isEqualTo("hasCode");
        assertThatThrownBy(() -> PaperFilter.parse(null, List.of(), null, null, null, "blog", null, null, null, null, null,
                null))
                .extracting("parameter").isEqualTo("linkKind");
        assertThatThrownBy(() -> PaperFilter.parse(null, List.of(), null, null, null, null, null, null, null, "2026-02-30",
                null, null)).extracting("parameter").isEqualTo("from");
        assertThatThrownBy(() -> PaperFilter.parse(null, List.of(), null, null, null, null, null, null, null, "2026-03-02",
                "2026-03-01", null)).hasMessage("from must not be after to");
        assertThatThrownBy(() -> parse(null, null, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"))
                .extracting("parameter").isEqualTo("topic");
    }

    private static PaperFilter byAuthorAndCategory(String author, String category) {
        return PaperFilter.parse(null, List.of(), null, null, null, null, null, author, category, null, null, null);
    }

    @Test
    void authorIsOneSpacedTextAndCategoryAnArxivCategory() {
        assertThat(byAuthorAndCategory("  Jörg \t Müller ", "cs.CL").author()).isEqualTo("Jörg Müller");
        assertThat(byAuthorAndCategory(null, "cond-mat.mes-hall").category()).isEqualTo("cond-mat.mes-hall");
        assertThat(byAuthorAndCategory(null, "hep-th").category()).isEqualTo("hep-th");
        assertThat(byAuthorAndCategory(null, null).author()).isNull();
        assertThatThrownBy(() -> byAuthorAndCategory(" ", null)).hasMessage("author must not be blank");
        assertThatThrownBy(() -> byAuthorAndCategory(null, "")).hasMessage("category must not be blank");
        assertThatThrownBy(() -> byAuthorAndCategory(null, "CS.CL"))
                .hasMessage("category must be an arXiv category like cs.CL or hep-th");
        assertThatThrownBy(() -> byAuthorAndCategory(null, "cs.CL,cs.LG")).extracting("parameter")
                .isEqualTo("category");
    }

    @Test
    void authorAndCategoryAreOnlyInTheFingerprintsOfQuestionsThatAskThem() {
        PaperFilter none = byAuthorAndCategory(null, null);
        assertThat(none.fingerprint()).isEqualTo(
                "papers\u001fnull\u001f\u001fnull\u001fnull\u001fnull\u001fnull\u001fnull\u001fnull\u001fnull\u001frecent");
        assertThat(byAuthorAndCategory("Müller", null).fingerprint())
                .isEqualTo(byAuthorAndCategory("müller", null).fingerprint())
                .isNotEqualTo(none.fingerprint())
                .isNotEqualTo(byAuthorAndCategory("Müller", "cs.CL").fingerprint());
    }

    @Test
    void parsesNamedParametersAsPapersDoesAndRefusesUnknownNames() {
        PaperFilter filter = PaperFilter.parse(Map.of("topic", List.of("peft", "llm"), "hasCode", List.of("TRUE"),
                "model", List.of("LLaMA", "Mistral"), "author", List.of(" Jörg  Müller ")));
        assertThat(filter.topics()).containsExactly("llm", "peft");
        assertThat(filter.model()).isEqualTo("LLaMA");
        assertThat(filter.author()).isEqualTo("Jörg Müller");
        assertThatThrownBy(() -> PaperFilter.parse(Map.of("topics", List.of("peft"))))
                .hasMessageStartingWith("unknown parameter topics; a filter takes author, benchmark, category")
                .extracting("parameter").isEqualTo("topics");
        assertThatThrownBy(() -> PaperFilter.parse(Map.of("author", List.of()))).hasMessage("author must not be blank");
        assertThatThrownBy(() -> PaperFilter.parse(Map.of("linkKind", List.of("blog")))).extracting("parameter")
                .isEqualTo("linkKind");
    }

    @Test
    void canonicalQueryStringReadsBackAsTheSameFilter() {
        PaperFilter filter = PaperFilter.parse(Map.of("q", List.of(" \"low rank\" -vision "),
                "topic", List.of("peft", "llm"), "hasCode", List.of("true"), "author", List.of("Müller"),
                "from", List.of("2026-03-01"), "sort", List.of("recent")));
        String query = filter.toQueryString();
        assertThat(query).isEqualTo("q=%22low%20rank%22%20-vision&topic=llm&topic=peft&hasCode=true"
                + "&author=M%C3%BCller&from=2026-03-01&sort=recent");
        assertThat(PaperFilter.parse(PaperMatcherTest.queryParameters(query))).isEqualTo(filter);
        assertThat(PaperFilter.parse(Map.of()).toQueryString()).isEmpty();
        assertThat(PaperFilter.parse(Map.of("q", List.of("lora"), "sort", List.of("relevance"))).toQueryString())
                .isEqualTo("q=lora");
    }
}
