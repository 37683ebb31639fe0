package dev.paperstream.query.web;

import static dev.paperstream.query.KnownCatalog.AGENT;
import static dev.paperstream.query.KnownCatalog.AGENT_TITLE;
import static dev.paperstream.query.KnownCatalog.LORA_FLOW;
import static dev.paperstream.query.KnownCatalog.MOLA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.paperstream.query.CatalogRows;
import dev.paperstream.query.KnownCatalog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The web pages as a browser receives them, read with an HTML parser: content, escaping, headers, the API beside. */
@QuarkusTest
@TestProfile(WebPageProfile.class)
class WebPagesTest {

    static final String HOSTILE = "arxiv-2603.09999";
    static final String HOSTILE_TITLE = "Tokens \"><img src=x onerror=alert(1)> & <script>alert('t')</script>";
    static final String HOSTILE_ABSTRACT = "We show </p><script>alert('abstract')</script><a href=\"javascript:alert(2)\">x</a>"
            + " and {view.error} and {#if true}templates{/if} stay text.";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void catalogue() {
        KnownCatalog.load(dataSource);
        new CatalogRows(dataSource)
                .paper(HOSTILE, HOSTILE_TITLE, HOSTILE_ABSTRACT, LocalDate.of(2026, 3, 1))
                .paperTopic(HOSTILE, "peft", 0.5, "\"><svg onload=alert(3)>")
                .link(HOSTILE, "javascript:alert(4)", "code", "<b>owner</b>/repo")
                .mention(HOSTILE, "model", "<i>LLaMA</i>", "", "<i>LLaMA</i>-7B")
                .metadata(HOSTILE, List.of("<script>alert(5)</script> Author"), List.of("cs.CL"));
    }

    private static Document page(String path, int status) {
        Response response = given().urlEncodingEnabled(false).when().get(path).then().statusCode(status)
                .contentType("text/html").extract().response();
        return Jsoup.parse(response.asString(), "http://localhost/");
    }

    /** Nothing a catalogue value holds may become markup: no script but the page's own, no handlers, no js: links. */
    private static void assertNoInjectedMarkup(Document html) {
        assertThat(html.select("script")).extracting(e -> e.attr("src")).containsExactly("/static/live.js");
        assertThat(html.select("img, svg, b, i")).isEmpty();
        assertThat(html.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
                .noneMatch(attribute -> attribute.getKey().startsWith("on")));
        assertThat(html.select("[href]")).allSatisfy(link ->
                assertThat(link.attr("href")).doesNotStartWith("javascript:"));
    }

    @Test
    void searchPageListsPapersWithTopicsBadgesAndDates() {
        Document html = page("/?topic=peft&from=2026-03-13&to=2026-03-14", 200);
        assertThat(html.select("ol#results > li h3 a")).extracting(Element::text)
                .containsExactly("LoRA-Flow: Dynamic LoRA Fusion for Large Language Models",
                        "MoLA: Mixture of LoRA Experts for Large Language Models");
        Element first = html.selectFirst("ol#results > li");
        assertThat(first.selectFirst("h3 a").attr("href")).isEqualTo("/p/" + LORA_FLOW);
        assertThat(first.select(".chip")).extracting(Element::text)
                .containsExactly("Parameter-efficient fine-tuning", "Large language models");
        assertThat(first.select(".badge")).extracting(Element::text).containsExactly("Code");
        assertThat(first.selectFirst("time").attr("datetime")).isEqualTo("2026-03-14");
        assertThat(first.selectFirst(".authors").text()).isEqualTo("· Jörg Müller, Ana Lima");
        assertThat(html.selectFirst("select#topic option[selected]").val()).isEqualTo("peft");
        assertThat(html.selectFirst("link[rel=alternate]").attr("href"))
                .isEqualTo("/feeds/papers.atom?topic=peft&from=2026-03-13&to=2026-03-14");
        assertThat(html.selectFirst("#live-status").attr("data-stream"))
                .isEqualTo("/stream/papers?topic=peft&from=2026-03-13&to=2026-03-14");
        assertThat(html.selectFirst("#follow pre code").text()).contains("curl -N");
        assertThat(html.select("#follow pre code").get(1).text())
                .startsWith("curl -X POST http://localhost:8084/subscriptions")
                .contains("{\"url\":\"https://example.org/paperstream-hook\",\"filter\":{\"topic\":[\"peft\"],"
                        + "\"from\":\"2026-03-13\",\"to\":\"2026-03-14\"}}");
    }

    @Test
    void everyFormFieldHasALabel() {
        Document html = page("/", 200);
        for (Element field : html.select("form input:not([type=hidden]), form select")) {
            assertThat(html.select("label[for=" + field.id() + "]")).as(field.id()).hasSize(1);
        }
        assertThat(html.select("main#main")).hasSize(1);
        assertThat(html.select("nav[aria-label=Main] a[aria-current=page]")).extracting(Element::text)
                .containsExactly("Papers");
    }

    @Test
    void pagesByTheSameCursorAsTheApi() {
        String query = "from=2026-02-01&to=2026-03-31";
        Document first = page("/?" + query, 200);
        List<String> shown = first.select("ol#results > li").eachAttr("data-id");
        List<String> api = given().when().get("/papers?limit=20&" + query).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(shown).isEqualTo(api);
        assertThat(first.select("a[rel=next]")).isEmpty();
    }

    @Test
    void hostileTextStaysText() {
        Document list = page("/?q=tokens", 200);
        assertNoInjectedMarkup(list);
        assertThat(list.selectFirst("ol#results > li h3").text()).isEqualTo(HOSTILE_TITLE);
        assertThat(list.selectFirst("ol#results > li .abstract").text()).contains("<script>alert('abstract')</script>");
        assertThat(list.selectFirst("ol#results > li .authors").text()).contains("<script>alert(5)</script> Author");

        Document paper = page("/p/" + HOSTILE, 200);
        assertNoInjectedMarkup(paper);
        assertThat(paper.title()).isEqualTo(HOSTILE_TITLE + " · paperstream");
        assertThat(paper.selectFirst("h1").text()).isEqualTo(HOSTILE_TITLE);
        assertThat(paper.selectFirst(".abstract-full").text()).isEqualTo(HOSTILE_ABSTRACT);
        assertThat(paper.selectFirst(".evidence q").text()).isEqualTo("\"><svg onload=alert(3)>");
        assertThat(paper.selectFirst(".link-list li").text()).isEqualTo("Code javascript:alert(4)");
        assertThat(paper.selectFirst(".mention").text()).startsWith("<i>LLaMA</i>-7B");

        Document agent = page("/p/" + AGENT, 200);
        assertNoInjectedMarkup(agent);
        assertThat(agent.selectFirst("h1").text()).isEqualTo(AGENT_TITLE);
    }

    @Test
    void hostileParametersAreEchoedAsText() {
        Document html = page("/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&topic=%3Cimg%20src=x%20onerror=alert(1)%3E", 400);
        assertNoInjectedMarkup(html);
        assertThat(html.selectFirst("input#q").val()).isEqualTo("\"><script>alert(1)</script>");
        assertThat(html.selectFirst("#error").text()).contains("unknown topic <img src=x onerror=alert(1)>");
        assertThat(html.select("#follow pre code").get(1).text())
                .contains("-d '{\"url\":\"https://example.org/paperstream-hook\",\"filter\":{\"q\":\"\\\"><script>alert(1)</script>\"");
    }

    @Test
    void refusedFilterShowsOnThePageNamingTheField() {
        Document html = page("/?from=2026-03-14&to=2026-03-01", 400);
        assertThat(html.selectFirst("#error").text()).contains("from must not be after to");
        assertThat(html.selectFirst("input#from").attr("aria-invalid")).isEqualTo("true");
        assertThat(html.selectFirst("input#from").val()).isEqualTo("2026-03-14");
    }

    @Test
    void paperPageShowsEverythingAboutThePaper() {
        Document html = page("/p/" + LORA_FLOW, 200);
        assertThat(html.selectFirst("h1").text()).isEqualTo("LoRA-Flow: Dynamic LoRA Fusion for Large Language Models");
        assertThat(html.select(".topic-list li")).extracting(Element::text).containsExactly(
                "Parameter-efficient fine-tuning score 0.90 because it says LoRA, low-rank adaptation",
                "Large language models score 0.70 because it says large language models");
        assertThat(html.select(".link-list a")).extracting(e -> e.attr("href")).containsExactly(
                "https://github.com/x/loraflow", "https://github.com/x/loraflow/tree/main");
        assertThat(html.select(".mention")).extracting(Element::text).containsExactly("GSM8K (benchmark)",
                "LLaMA-7B (model)");
        assertThat(html.select(".related a")).extracting(e -> e.attr("href")).contains("/p/" + MOLA);
        assertThat(html.select("table tbody tr")).extracting(Element::text)
                .containsExactly("d-0314 2026-03-14 1 42 " + html.selectFirst("tbody td:last-child").text());
        assertThat(html.selectFirst("a.button").attr("href")).isEqualTo("https://arxiv.org/abs/2603.00001");
        assertThat(html.selectFirst("link[rel=alternate]").attr("href")).isEqualTo("/feeds/papers.atom?topic=peft");
    }

    @Test
    void arxivIdWrittenAnotherWayRedirectsToThePaperPage() {
        given().redirects().follow(false).when().get("/p/arXiv:2603.00001v2").then().statusCode(308)
                .header("Location", org.hamcrest.Matchers.endsWith("/p/" + LORA_FLOW));
        Document html = page("/p/arxiv-0000.00000", 404);
        assertThat(html.selectFirst("h1").text()).isEqualTo("No such paper");
    }

    @Test
    void topicsPageShowsCountsAndTrending() {
        Document html = page("/t?window=7d&asOf=2026-03-14", 200);
        assertThat(html.select("table.topics tbody tr td:first-child a")).extracting(Element::text)
                .contains("Parameter-efficient fine-tuning", "Agents");
        assertThat(html.select("table.trending tbody tr")).isNotEmpty();
        assertThat(html.selectFirst("table.trending tbody tr td a").attr("href")).contains("from=2026-03-08&to=2026-03-14");
        assertThat(page("/t?window=9y", 400).selectFirst("#error").text()).contains("window must be");
    }

    @Test
    void digestsPageShowsProgress() {
        Document html = page("/d", 200);
        Element pending = html.selectFirst("li.digest[data-id=d-0313]");
        assertThat(pending.selectFirst("progress").attr("value")).isEqualTo("50");
        assertThat(pending.selectFirst(".progress label").text()).isEqualTo("1 of 2 enriched, pending");
        assertThat(html.selectFirst("li.digest[data-id=d-0314] .progress label").text()).isEqualTo("3 of 3 enriched, complete");
        assertThat(pending.selectFirst("h2 a").attr("href")).isEqualTo("/?digest=d-0313");
    }

    @Test
    void pagesMayRunOnlyTheirOwnScriptAndStyleWhileTheApiMayRunNothing() {
        String pagePolicy = given().when().get("/").then().statusCode(200).extract().header("Content-Security-Policy");
        assertThat(pagePolicy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self'", "form-action 'self'").doesNotContain("unsafe-inline");
        for (String path : List.of("/p/" + LORA_FLOW, "/t", "/d")) {
            assertThat(given().when().get(path).then().extract().header("Content-Security-Policy")).as(path)
                    .isEqualTo(pagePolicy);
        }
        assertThat(given().when().get("/papers").then().statusCode(200).contentType("application/json")
                .extract().header("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        given().when().get("/static/paperstream.css").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/css"));
        given().when().get("/static/live.js").then().statusCode(200);
    }

    @Test
    void theJsonApiStaysJsonAndTheOpenApiDocumentHasNoPages() {
        given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").when().get("/topics").then().statusCode(200).contentType("application/json");
        given().when().get("/papers/" + LORA_FLOW).then().statusCode(200).contentType("application/json");
        List<String> paths = List.copyOf(given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths").keySet().stream().map(Object::toString).toList());
        assertThat(paths).doesNotContain("/", "/p/{id}", "/t", "/d");
    }
}
