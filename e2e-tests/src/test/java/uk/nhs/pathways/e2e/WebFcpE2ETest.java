package uk.nhs.pathways.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.nhs.pathways.e2e.E2E.LEEDS_PRACTICE;
import static uk.nhs.pathways.e2e.E2E.TEESSIDE_PRACTICE;
import static uk.nhs.pathways.e2e.E2E.awaitStatus;
import static uk.nhs.pathways.e2e.E2E.field;
import static uk.nhs.pathways.e2e.E2E.refer;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An FCP's pages in a real browser: the practice's referrals, one referral's route and timeline, the FCP's
 * withdrawal, the class finder for the conversation with the person, and another practice's referral,
 * which is "not found" as the referral service says.
 */
@Order(21)
class WebFcpE2ETest {

    static String offered;

    @BeforeAll
    static void aLeedsReferralIsOffered() {
        E2E.platform();
        // The referral service ranks from its own copy of the directory: on a fresh platform, wait until
        // a referral finds a class, then follow one to OFFERED.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() ->
                        !"NEEDS_ATTENTION".equals(field(LEEDS_PRACTICE, refer(LEEDS_PRACTICE, "LS6 2AB"), "status")));
        offered = refer(LEEDS_PRACTICE, "LS6 2AB");
        awaitStatus(LEEDS_PRACTICE, offered, "OFFERED", Duration.ofSeconds(30));
    }

    @Test
    void theFcpFindsTheReferralSeesItsTimelineAndWithdrawsIt() {
        try (Browser browser = Browser.open()) {
            browser.signIn("referrer", LEEDS_PRACTICE);
            browser.go("/fcp");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Your practice's referrals");
            WebElement row = browser.driver().findElement(By.cssSelector("tr[data-referral-id='" + offered + "']"));
            assertThat(row.getText()).contains("Offered to the provider").contains("Knee");
            browser.assertAccessible("fcp referrals");
            browser.screenshot("fcp-referrals");

            row.findElement(By.cssSelector("a[href='/fcp/referrals/" + offered + "']"))
                    .click();
            browser.waitUntil(d -> browser.path().equals("/fcp/referrals/" + offered));
            browser.waitForPage();
            assertThat(browser.driver().findElement(By.id("referral-status")).getText())
                    .isEqualTo("Offered to the provider");
            assertThat(browser.driver().findElement(By.id("status-reason")).getText())
                    .startsWith("Funded by contract");
            assertThat(browser.driver().findElement(By.id("why-this-class")).getText())
                    .startsWith("Ranked 1 of ")
                    .contains("funded");
            // Every step in order: submitted (by the FCP), then offered (by the funding decision).
            assertThat(steps(browser)).containsExactly("SUBMITTED", "OFFERED");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("#timeline tr[data-step='SUBMITTED']"))
                            .getText())
                    .contains("FCP · " + LEEDS_PRACTICE);
            assertThat(browser.driver()
                            .findElement(By.cssSelector("#timeline tr[data-step='OFFERED']"))
                            .getText())
                    .contains("FUNDED");
            browser.assertAccessible("fcp referral");
            browser.screenshot("fcp-referral");

            // The FCP withdraws it with a reason; the page and the referral service both say so.
            browser.driver().findElement(By.id("reason")).sendKeys("The person chose a class nearer work");
            browser.driver()
                    .findElement(By.cssSelector("#withdraw button[type=submit]"))
                    .click();
            browser.waitUntil(
                    d -> d.findElement(By.id("referral-status")).getText().equals("Withdrawn"));
            assertThat(steps(browser)).containsExactly("SUBMITTED", "OFFERED", "WITHDRAWN");
            assertThat(browser.driver().findElements(By.id("withdraw"))).isEmpty();
            assertThat(field(LEEDS_PRACTICE, offered, "status").toString()).isEqualTo("WITHDRAWN");
            browser.assertAccessible("fcp referral withdrawn");
            browser.screenshot("fcp-referral-withdrawn");
        }
    }

    @Test
    void theClassFinderListsClassesNearAPostcodeAndKeepsAMistypedOne() {
        try (Browser browser = Browser.open()) {
            browser.signIn("referrer", LEEDS_PRACTICE);
            browser.go("/fcp/class-finder");
            browser.assertAccessible("fcp class finder");
            browser.screenshot("fcp-class-finder");

            browser.driver().findElement(By.id("postcode")).sendKeys("LS6 2AB");
            browser.driver().findElement(By.id("joint-KNEE")).click();
            browser.driver().findElement(By.id("find-classes")).click();
            browser.waitFor(By.id("classes"));
            // htmx redrew the results in place and put the search in the address bar
            browser.waitUntil(d -> browser.path().contains("postcode=LS6"));
            List<WebElement> classes = browser.driver().findElements(By.cssSelector("#classes tbody tr"));
            assertThat(classes).isNotEmpty();
            for (WebElement c : classes) {
                assertThat(c.findElement(By.cssSelector("[data-label=distance]"))
                                .getText())
                        .matches("Less than 1 km|\\d+\\.\\d km");
                assertThat(c.findElement(By.cssSelector("[data-label=free-places]"))
                                .getText())
                        .matches("\\d+ of \\d+");
            }
            assertThat(browser.driver().findElement(By.id("results-heading")).getText())
                    .contains("within 25 km of LS6 2AB");
            browser.assertAccessible("fcp class finder results");
            browser.screenshot("fcp-class-finder-results");

            WebElement postcode = browser.driver().findElement(By.id("postcode"));
            postcode.clear();
            postcode.sendKeys("LS99 ZZZ");
            browser.driver().findElement(By.id("find-classes")).click();
            WebElement error = browser.waitFor(By.id("postcode-error"));
            assertThat(error.getText()).contains("Postcode is not");
            assertThat(browser.driver().findElement(By.id("postcode")).getDomProperty("value"))
                    .isEqualTo("LS99 ZZZ");
            assertThat(browser.driver().findElement(By.id("postcode")).getDomAttribute("aria-describedby"))
                    .contains("postcode-error");
            assertThat(browser.driver().findElements(By.id("classes"))).isEmpty();
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".nhsuk-error-summary a[href='#postcode']"))
                            .getText())
                    .contains("Postcode is not");
            browser.assertAccessible("fcp class finder postcode error");
            browser.screenshot("fcp-class-finder-postcode-error");

            // Without htmx (the address itself, as a browser without JavaScript sends the form): the same.
            browser.go("/fcp/class-finder?postcode=LS99+ZZZ&joint=KNEE&within=25");
            assertThat(browser.driver().getTitle()).startsWith("Error:");
            assertThat(browser.driver().findElement(By.id("postcode-error")).getText())
                    .contains("Postcode is not");
            assertThat(browser.driver().findElement(By.id("postcode")).getDomProperty("value"))
                    .isEqualTo("LS99 ZZZ");
            browser.assertAccessible("fcp class finder postcode error without htmx");
        }
    }

    @Test
    void anotherPracticesReferralIsNotFound() {
        String teesside = refer(TEESSIDE_PRACTICE, "TS18 1HU");
        try (Browser browser = Browser.open()) {
            browser.signIn("referrer", LEEDS_PRACTICE);
            browser.go("/fcp/referrals/" + teesside);
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
            assertThat(browser.driver().getPageSource())
                    .doesNotContain("NHS number")
                    .doesNotContain("TS18");
            browser.assertAccessible("fcp another practice's referral");
            browser.screenshot("fcp-not-found");
        }
    }

    private static List<String> steps(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#timeline tbody tr")).stream()
                .map(tr -> tr.getDomAttribute("data-step"))
                .toList();
    }
}
