package uk.nhs.pathways.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.nhs.pathways.e2e.E2E.KNEE_OA;
import static uk.nhs.pathways.e2e.E2E.LEEDS_PRACTICE;
import static uk.nhs.pathways.e2e.E2E.awaitStatus;
import static uk.nhs.pathways.e2e.E2E.field;
import static uk.nhs.pathways.e2e.E2E.provider;
import static uk.nhs.pathways.e2e.E2E.referrer;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The provider workspace in a real browser: a referral made through the API is offered to a provider,
 * whose staff find it in the inbox, accept it and book the person into a class (the page follows the
 * asynchronous booking until BOOKED); a measure out of range and a class with too few places are refused
 * next to their fields with what was typed kept; another provider sees "not found"; and, with every clock
 * past the class's first session, one tap on the tablet register records the person as attended, which the
 * referral service then says too. Every page visited is checked with axe-core and photographed.
 */
@Order(20)
class WebProviderE2ETest {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @BeforeAll
    static void thePlatformRuns() throws IOException {
        E2E.platform();
        E2E.shiftClocks(Duration.ZERO);
    }

    @AfterAll
    static void clocksBack() throws IOException {
        E2E.shiftClocks(Duration.ZERO);
    }

    @Test
    void aProviderAcceptsBooksAndKeepsTheRegisterOfAReferralInTheBrowser() throws IOException {
        String id = referrer(LEEDS_PRACTICE)
                .contentType(ContentType.JSON)
                .body(E2E.referral(E2E.newNhsNumber(), "LS6 2AB", KNEE_OA))
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        awaitStatus(LEEDS_PRACTICE, id, "OFFERED", Duration.ofSeconds(60));
        String providerId = field(LEEDS_PRACTICE, id, "offer.providerId");
        String nhsNumber = field(LEEDS_PRACTICE, id, "patient.nhsNumber");

        try (Browser browser = Browser.open()) {
            WebDriver d = browser.driver();
            browser.signIn("provider", providerId);

            // The inbox lists it among the referrals to decide, without the person's name or NHS number.
            browser.go("/provider");
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Inbox");
            WebElement link = d.findElement(By.cssSelector("a[href='/provider/referrals/" + id + "']"));
            assertThat(d.findElement(By.tagName("main")).getText()).doesNotContain(nhsNumber, "E2E Person");
            browser.assertAccessible("provider inbox");
            browser.screenshot("provider-inbox");

            // Its page names the person; accept it.
            link.click();
            browser.waitForPage();
            assertThat(browser.path()).isEqualTo("/provider/referrals/" + id);
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("E2E Person");
            assertThat(d.findElement(By.tagName("main")).getText()).contains(nhsNumber);
            browser.assertAccessible("provider referral offered");
            browser.screenshot("provider-referral-offered");
            d.findElement(By.cssSelector("label[for='response-decision']")).click();
            d.findElement(By.cssSelector("form[action$='/response'] button[type=submit]"))
                    .click();
            browser.waitForPage();
            awaitStatus(LEEDS_PRACTICE, id, "ACCEPTED", Duration.ofSeconds(10));

            // Book the first class offered (the class the referral was offered, with a place free).
            // (NHS.UK radios draw their own circle: the input itself is transparent, so wait for it to be there)
            browser.waitUntil(w -> !w.findElements(By.id("booking-classId")).isEmpty());
            String classId = d.findElement(By.id("booking-classId")).getAttribute("value");
            browser.assertAccessible("provider referral accepted");
            browser.screenshot("provider-referral-book");
            d.findElement(By.cssSelector("label[for='booking-classId']")).click();
            d.findElement(By.cssSelector("form[action$='/booking'] button[type=submit]"))
                    .click();
            // The page polls the status while the directory reserves the place, then shows BOOKED.
            browser.waitUntil(w -> w.findElements(By.cssSelector("form[action$='/booking/cancellation']"))
                            .size()
                    == 1);
            awaitStatus(LEEDS_PRACTICE, id, "BOOKED", Duration.ofSeconds(10));
            assertThat(field(LEEDS_PRACTICE, id, "classId").toString()).isEqualTo(classId);
            browser.assertAccessible("provider referral booked");
            browser.screenshot("provider-referral-booked");

            // A KOOS-PS score above 100 is refused next to the score, what was typed is kept, nothing recorded.
            new Select(d.findElement(By.id("measure-instrument"))).selectByValue("KOOS_PS");
            new Select(d.findElement(By.id("measure-timepoint"))).selectByValue("FIRST_SESSION");
            d.findElement(By.id("measure-score")).sendKeys("150");
            browser.js(
                    "document.getElementById('measure-takenOn').value = arguments[0];",
                    LocalDate.now(ENGLAND).toString());
            d.findElement(By.cssSelector("form[action$='/measures'] button[type=submit]"))
                    .click();
            browser.waitFor(By.id("measure-score-error"));
            assertThat(d.findElement(By.id("measure-score-error")).getText()).contains("range 0 to 100");
            assertThat(d.findElement(By.id("measure-score")).getAttribute("value"))
                    .isEqualTo("150");
            assertThat(d.findElement(By.id("measure-score")).getAttribute("aria-describedby"))
                    .isEqualTo("measure-score-error");
            assertThat(d.findElement(By.cssSelector(".nhsuk-error-summary")).getText())
                    .contains("range 0 to 100");
            List<Object> measures = provider(providerId)
                    .get("/referrals/" + id + "/course")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("measures");
            assertThat(measures).isEmpty();
            browser.assertAccessible("provider measure refused");
            browser.screenshot("provider-measure-error");

            // Sites and classes at a glance; a class with 3 places is refused by the directory next to the field.
            browser.go("/provider/classes");
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Sites and classes");
            assertThat(d.findElements(By.id("class-" + classId))).hasSize(1);
            browser.assertAccessible("provider classes");
            browser.screenshot("provider-classes");
            browser.go("/provider/classes/new");
            new Select(d.findElement(By.id("class-siteId"))).selectByIndex(1);
            browser.js(
                    "document.getElementById('class-startDate').value = arguments[0];",
                    LocalDate.now(ENGLAND)
                            .plusWeeks(3)
                            .with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
                            .toString());
            d.findElement(By.cssSelector("label[for='class-days-TUESDAY']")).click();
            d.findElement(By.cssSelector("label[for='class-days-THURSDAY']")).click();
            d.findElement(By.id("class-startTime")).sendKeys("10:00");
            d.findElement(By.id("class-capacity")).clear();
            d.findElement(By.id("class-capacity")).sendKeys("3");
            d.findElement(By.cssSelector("label[for='class-facilitatorType']")).click();
            d.findElement(By.cssSelector("form[action='/provider/classes'] button[type=submit]"))
                    .click();
            browser.waitFor(By.id("class-capacity-error"));
            assertThat(d.findElement(By.id("class-capacity")).getAttribute("value"))
                    .isEqualTo("3");
            assertThat(d.findElement(By.id("class-startTime")).getAttribute("value"))
                    .isEqualTo("10:00");
            browser.assertAccessible("provider class form refused");
            browser.screenshot("provider-class-form-error");

            // Another provider is told the referral is not found.
            browser.signOut();
            browser.signIn("provider", "nhs-msk-qwo".equals(providerId) ? "council-qwo" : "nhs-msk-qwo");
            browser.go("/provider/referrals/" + id);
            assertThat(d.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
            assertThat(d.findElement(By.tagName("main")).getText()).doesNotContain(nhsNumber, "E2E Person");
            browser.assertAccessible("provider referral of another provider");
            browser.screenshot("provider-not-found");
            browser.signOut();
            browser.signIn("provider", providerId);

            // Every clock moves past the class's first session; the register is kept on a 768 px tablet.
            List<String> dates = provider(providerId)
                    .get("/referrals/" + id + "/course")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("sessions.on");
            LocalDate first = LocalDate.parse(dates.get(0));
            E2E.shiftClocks(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.now(ENGLAND), first) + 1));
            try {
                browser.resize(768, 1024);
                browser.go("/provider/classes/" + classId + "/register?session=1");
                assertThat(d.findElement(By.tagName("h1")).getText()).startsWith("Register: session 1");
                By row = By.id("person-" + id);
                assertThat(d.findElement(row).getText()).contains("E2E Person");
                browser.assertAccessible("provider register");
                browser.screenshot("provider-register");

                // One tap; until the services have read the moved clock the session is "not yet held".
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> {
                            List<WebElement> attended = d.findElement(row)
                                    .findElements(By.cssSelector("button[data-attendance='ATTENDED']"));
                            if (!attended.isEmpty()) {
                                attended.get(0).click();
                                browser.waitForPage();
                            }
                            assertThat(d.findElement(row)
                                            .findElements(By.cssSelector(".pathways-register__recorded"))
                                            .size())
                                    .isEqualTo(1);
                        });
                assertThat(d.findElement(row).getText()).contains("Attended");
                assertThat(browser.path()).startsWith("/provider/classes/" + classId + "/register");
                browser.assertAccessible("provider register recorded");
                browser.screenshot("provider-register-recorded");

                String recorded = provider(providerId)
                        .get("/referrals/" + id + "/course")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("sessions[0].attendance");
                assertThat(recorded).isEqualTo("ATTENDED");
                assertThat(field(LEEDS_PRACTICE, id, "status").toString()).isEqualTo("IN_PROGRESS");
            } finally {
                E2E.shiftClocks(Duration.ZERO);
            }
        }
    }
}
