package dev.paperstream.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.paperstream.query.KnownCatalog;
import dev.paperstream.query.SampleDigestCatalog;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The web page in a real headless browser (Debian's chromium through its chromedriver) over the sample digest's real
 * papers and the known catalogue: search, filter, open a paper, follow its links, on a desktop and a phone width,
 * under the pages' CSP. Screenshots of each main page go to {@code target/screenshots}. Skipped, saying why, on a
 * machine without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code apt-get install chromium
 * chromium-driver}).
 */
@QuarkusTest
@TestProfile(WebPageProfile.class)
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final String PAT = "PAT: Pruning-Aware Tuning for Large Language Models";
    private static final String SOLILOQUIES = "Code Soliloquies for Accurate Calculations in Large Language Models";

    private static ChromeDriver browser;
    private static Path profile;
    private static boolean sampleLoaded;

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: needs Debian's chromium and chromium-driver (/usr/bin/chromium, "
                        + "/usr/bin/chromedriver): apt-get install -y chromium chromium-driver");
        profile = Files.createTempDirectory("paperstream-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @BeforeEach
    void catalogue() {
        KnownCatalog.load(dataSource);
        if (!sampleLoaded) {
            SampleDigestCatalog.load(dataSource);
            sampleLoaded = true;
        }
    }

    private void open(String path) {
        browser.get(base.toString().replaceAll("/$", "") + path);
    }

    private static void screenshot(String name) throws IOException {
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<String> resultTitles() {
        return browser.findElements(By.cssSelector("ol#results > li h3 a")).stream().map(WebElement::getText).toList();
    }

    /** Console errors, leaving out the stream that follow-stream serves and the favicon nobody drew. */
    private static List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("/stream/papers") && !message.contains("favicon.ico"))
                .toList();
    }

    @Test
    void searchFilterOpenAPaperAndFollowItsLinks() throws IOException {
        open("/?digest=" + SampleDigestCatalog.DIGEST);
        List<String> firstPage = resultTitles();
        assertThat(firstPage).hasSize(SearchPage.PAGE_SIZE);
        // the stylesheet applied under the CSP: the header has its background
        assertThat(browser.findElement(By.cssSelector("header.site")).getCssValue("background-color"))
                .isEqualTo("rgba(246, 248, 250, 1)");
        screenshot("search");

        browser.findElement(By.cssSelector("a[rel=next]")).click();
        assertThat(resultTitles()).hasSize(SearchPage.PAGE_SIZE).doesNotContainAnyElementsOf(firstPage);
        assertThat(browser.getCurrentUrl()).contains("cursor=");

        // search and filter with the form, by keyboard
        open("/?digest=" + SampleDigestCatalog.DIGEST);
        new Select(browser.findElement(By.id("topic"))).selectByValue("peft");
        WebElement q = browser.findElement(By.id("q"));
        q.sendKeys("pruning", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q=pruning"));
        assertThat(resultTitles()).contains(PAT).doesNotContain(SOLILOQUIES);
        assertThat(browser.findElements(By.cssSelector("section.active .chip"))).extracting(WebElement::getText)
                .contains("q: pruning ×", "topic: peft ×");

        open("/?digest=" + SampleDigestCatalog.DIGEST + "&topic=peft");
        new Select(browser.findElement(By.id("hasCode"))).selectByValue("true");
        browser.findElement(By.cssSelector("form.search button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("hasCode=true"));
        List<WebElement> withCode = browser.findElements(By.cssSelector("ol#results > li"));
        assertThat(withCode).isNotEmpty().allSatisfy(item -> assertThat(item.findElements(By.cssSelector(".badge")))
                .extracting(WebElement::getText).contains("Code"));
        assertThat(resultTitles()).contains(PAT);

        // open the paper, then follow its links: a topic chip and the digest it appeared in
        browser.findElement(By.linkText(PAT)).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(PAT);
        assertThat(browser.findElements(By.cssSelector(".link-list a"))).extracting(e -> e.getAttribute("href"))
                .contains("https://github.com/kriskrisliu/PAT_Pruning-Aware-Tuning");
        assertThat(browser.findElements(By.cssSelector(".topic-list .chip"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("Parameter-efficient fine-tuning", "Pruning and sparsity");
        screenshot("paper");
        browser.findElement(By.linkText("Pruning and sparsity")).click();
        assertThat(new Select(browser.findElement(By.id("topic"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("pruning");
        assertThat(resultTitles()).contains(PAT);

        open("/p/" + KnownCatalog.LORA_FLOW);
        screenshot("paper-known");
        browser.findElement(By.linkText("d-0314")).click();
        assertThat(resultTitles()).contains("LoRA-Flow: Dynamic LoRA Fusion for Large Language Models");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void topicsAndDigestsPages() throws IOException {
        open("/t?window=7d&asOf=2026-03-14");
        assertThat(browser.findElements(By.cssSelector("table.topics tbody tr"))).hasSizeGreaterThan(20);
        screenshot("topics");
        browser.findElement(By.cssSelector("table.topics")).findElement(By.linkText("Pruning and sparsity")).click();
        assertThat(resultTitles()).contains(PAT);

        open("/d");
        WebElement sample = browser.findElement(By.cssSelector("li.digest[data-id='" + SampleDigestCatalog.DIGEST + "']"));
        assertThat(sample.findElement(By.cssSelector(".progress label")).getText())
                .isEqualTo("104 of 104 enriched, complete");
        screenshot("digests");
        assertThat(consoleErrors()).isEmpty();
    }

    @Test
    void keyboardAndPhone() throws IOException {
        open("/");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");

        Dimension desktop = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(390, 1400));
            open("/?digest=" + SampleDigestCatalog.DIGEST);
            long width = (Long) browser.executeScript("return document.documentElement.scrollWidth");
            long viewport = (Long) browser.executeScript("return document.documentElement.clientWidth");
            assertThat(width).as("no sideways scrolling on a phone").isLessThanOrEqualTo(viewport);
            screenshot("search-phone");
            open("/p/" + SampleDigestCatalog.id(PAT));
            screenshot("paper-phone");
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }
}
