package uk.nhs.pathways.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's, through its chromedriver: bin/ensure-chromium) on the web pages of
 * the platform the suite runs. Every page a test visits is checked with axe-core ({@link
 * #assertAccessible}): no serious or critical WCAG 2.2 A/AA violation.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = E2E.ROOT.resolve("e2e-tests/target/screenshots");
    private static final Path AXE = E2E.ROOT.resolve("web/node_modules/axe-core/axe.min.js");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** A desktop-sized window on the suite's platform (started if it is not yet). */
    static Browser open() {
        String baseUrl = E2E.url("web");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("PATHWAYS_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(executable("PATHWAYS_CHROMEDRIVER", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, baseUrl);
    }

    private static String executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        return configured == null || configured.isBlank() ? fallback : configured;
    }

    WebDriver driver() {
        return driver;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Opens a page of the web pages by its path ("/provider"). */
    void go(String path) {
        driver.get(baseUrl + path);
        waitForPage();
    }

    /** The current page's path and query, without the host. */
    String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** Signs in on the local-demo sign-in page as a role of an organisation, as a person would. */
    void signIn(String role, String organisation) {
        go("/sign-in?return=/");
        driver.findElement(By.id("role-" + role)).click();
        WebElement org = driver.findElement(By.id("organisation"));
        org.clear();
        org.sendKeys(organisation);
        driver.findElement(By.cssSelector("form[action='/sign-in'] button[type=submit]"))
                .click();
        waitUntil(d -> !path().startsWith("/sign-in"));
        waitForPage();
    }

    void signOut() {
        driver.manage().deleteAllCookies();
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    WebElement waitFor(By element) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    /** Waits until the document has loaded and htmx has nothing in flight. */
    void waitForPage() {
        waitUntil(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete'"
                + " && document.querySelectorAll('.htmx-request').length === 0;")));
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * Runs axe-core on the page as it is now and fails on any serious or critical violation of WCAG 2.0,
     * 2.1 or 2.2 at level A or AA, naming each rule and the elements that break it.
     */
    @SuppressWarnings("unchecked")
    void assertAccessible(String page) {
        waitForPage();
        try {
            if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object';"))) {
                js(Files.readString(AXE));
            }
        } catch (IOException e) {
            throw new IllegalStateException("axe-core is missing (" + AXE + "): build the web module first", e);
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        axe.run(document, { runOnly: { type: 'tag', values:
                            ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] } })
                          .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                              targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))))
                          .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), targets: [] }]));
                        """);
        List<String> serious = new ArrayList<>();
        for (Object violation : (List<Object>) result) {
            Map<String, Object> v = (Map<String, Object>) violation;
            Object impact = v.get("impact");
            if ("serious".equals(impact) || "critical".equals(impact)) {
                serious.add(v.get("id") + " (" + impact + "): " + v.get("help") + " at " + v.get("targets"));
            }
        }
        assertThat(serious)
                .as("axe-core: serious or critical accessibility violations on %s (%s)", page, path())
                .isEmpty();
    }

    /** A screenshot of the whole page as it is now: e2e-tests/target/screenshots/{name}.png. */
    Path screenshot(String name) {
        waitForPage();
        Dimension before = driver.manage().window().getSize();
        try {
            Number height = (Number)
                    js("return Math.max(document.body.scrollHeight," + " document.documentElement.scrollHeight);");
            driver.manage()
                    .window()
                    .setSize(new Dimension(
                            before.getWidth(), Math.min(4000, Math.max(before.getHeight(), height.intValue() + 120))));
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, png);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
