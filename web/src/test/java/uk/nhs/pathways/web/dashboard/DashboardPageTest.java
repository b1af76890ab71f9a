package uk.nhs.pathways.web.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.testing.TestTokens;

/** The dashboard's own refusals, before any service is asked: who may see it, and a period it does not offer. */
@QuarkusTest
class DashboardPageTest {

    static Response as(String role, String organisation, String path) {
        return given().redirects()
                .follow(false)
                .cookie("pathways-session", TestTokens.token(role, organisation))
                .get(path);
    }

    @Test
    void providerStaffAndFcpsAreNotShownAnIcbsDashboard() {
        for (String[] who : new String[][] {{"provider", "nhs-msk-qwo"}, {"referrer", "B86030"}}) {
            assertThat(as(who[0], who[1], "/dashboard").statusCode()).isEqualTo(403);
            assertThat(as(who[0], who[1], "/dashboard/activity.csv").statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void aPeriodTheDashboardDoesNotOfferIsShownNextToTheFieldAndNothingIsDrawn() {
        Response refused = as("analyst", "QWO", "/dashboard?period=fy-1900");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString())
                .contains("id=\"period-error\"")
                .contains("aria-describedby=\"period-error\"")
                .contains("nhsuk-error-summary")
                .contains("<option value=\"last-12-months\">")
                .doesNotContain("<canvas");
        assertThat(as("analyst", "QWO", "/dashboard/activity.csv?period=fy-1900")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void aChartTheDashboardDoesNotHaveHasNoCsv() {
        assertThat(as("commissioner", "QWO", "/dashboard/payments.csv").statusCode())
                .isEqualTo(404);
    }
}
