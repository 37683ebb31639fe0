package dev.paperstream.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.paperstream.filter.InvalidParameterException;
import dev.paperstream.filter.PaperSort;

class SearchFormTest {

    private static SearchForm form(String q, List<String> topics, String author, String from, String sort) {
        return new SearchForm(q, topics, null, null, null, null, null, author, null, from, null, sort);
    }

    @Test
    void blankFieldsOfASubmittedFormMeanAny() {
        SearchForm form = new SearchForm("", Arrays.asList("", null, " peft "), " ", "", "", "", "", "  ", "", "",
                "", "");
        assertThat(form.query()).isEqualTo("topic=peft");
        assertThat(form.filter().author()).isNull();
        assertThat(form.filter().topics()).containsExactly("peft");
    }

    @Test
    void queryStringKeepsTheFormOrderAndEncodesValues() {
        SearchForm form = new SearchForm("\"low rank\" & more", List.of("peft", "llm"), "LLaMA", null, "true", null,
                null, "Jörg", null, "2026-03-01", "2026-03-14", "recent");
        assertThat(form.query()).isEqualTo("q=%22low+rank%22+%26+more&topic=peft&topic=llm&model=LLaMA&hasCode=true"
                + "&author=J%C3%B6rg&from=2026-03-01&to=2026-03-14&sort=recent");
        assertThat(form.href("/feeds/papers.atom")).startsWith("/feeds/papers.atom?q=%22low+rank");
        assertThat(SearchForm.empty().href("/feeds/papers.atom")).isEqualTo("/feeds/papers.atom");
        assertThat(SearchForm.empty().href("/", "abc+/=")).isEqualTo("/?cursor=abc%2B%2F%3D");
        assertThat(form.href("/", "c")).endsWith("&sort=recent&cursor=c");
    }

    @Test
    void eachActiveFilterCanBeTakenOffAlone() {
        SearchForm form = form("lora", List.of("peft", "llm"), "muller", "2026-03-01", "relevance");
        assertThat(form.active()).containsExactly(
                new SearchForm.Active("q", "lora", "topic=peft&topic=llm&author=muller&from=2026-03-01"),
                new SearchForm.Active("topic", "peft", "q=lora&topic=llm&author=muller&from=2026-03-01&sort=relevance"),
                new SearchForm.Active("topic", "llm", "q=lora&topic=peft&author=muller&from=2026-03-01&sort=relevance"),
                new SearchForm.Active("author", "muller", "q=lora&topic=peft&topic=llm&from=2026-03-01&sort=relevance"),
                new SearchForm.Active("from", "2026-03-01", "q=lora&topic=peft&topic=llm&author=muller&sort=relevance"));
    }

    @Test
    void newPapersBelongAtTheTopOnlyOfNewestFirstListings() {
        assertThat(form(null, List.of("peft"), null, null, null).newestFirst()).isTrue();
        assertThat(form("lora", List.of(), null, null, null).newestFirst()).isFalse();
        assertThat(form("lora", List.of(), null, null, "recent").newestFirst()).isTrue();
        assertThat(form("lora", List.of(), null, null, null).filter().sort()).isEqualTo(PaperSort.RELEVANCE);
    }

    @Test
    void feedsStreamsAndWebhooksFollowTheFiltersWithoutTheOrder() {
        assertThat(form("lora", List.of("peft"), null, null, "recent").followed().query()).isEqualTo("q=lora&topic=peft");
    }

    @Test
    void refusalsNameTheFieldAsTheApiDoes() {
        assertThatThrownBy(() -> form(null, List.of(), null, "14/03/2026", null).filter())
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("from"));
        assertThatThrownBy(() -> form(null, List.of(), null, null, "relevance").filter())
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("sort"));
    }

    @Test
    void shellQuotingSurvivesQuotesInTheFilter() {
        assertThat(FollowInstructions.shellQuoted("{\"q\":\"don't\"}")).isEqualTo("'{\"q\":\"don'\\''t\"}'");
        assertThat(FollowInstructions.shellQuoted("$HOME `id`")).isEqualTo("'$HOME `id`'");
    }
}
