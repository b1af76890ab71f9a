package uk.nhs.pathways.web.provider;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.web.provider.ProviderApi.Entry;
import uk.nhs.pathways.web.provider.ProviderApi.RegisterPerson;

/** What the provider pages make of the services' answers, without a running service. */
class ProviderViewsTest {

    static ProviderApi.Referral offered() {
        return new ProviderApi.Referral(
                "r-1",
                "OFFERED",
                null,
                null,
                "KNEE",
                "B86030",
                new ProviderApi.Patient("9434765919", "Demo Person", LocalDate.of(1956, 3, 14), "LS6 2AB"),
                new ProviderApi.Preferences(
                        List.of("LEISURE_CENTRE"),
                        List.of(new ProviderApi.Window(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))),
                        12_500,
                        List.of("STEP_FREE_ACCESS")),
                new ProviderApi.Offer(
                        "class-1", LocalDate.of(2027, 1, 5), "site-1", "Armley Leisure Centre", "p", "P", 12, 900L),
                LocalDate.of(2026, 12, 14),
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void anInboxItemCarriesWhatTheDecisionNeedsAndNothingThatNamesThePerson() {
        InboxResource.InboxItem item = InboxResource.InboxItem.of(offered());

        assertThat(item.joint()).isEqualTo("KNEE");
        assertThat(item.siteName()).isEqualTo("Armley Leisure Centre");
        assertThat(item.classStartDate()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(item.answerDue()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(item.needs()).containsExactly("STEP_FREE_ACCESS");
        assertThat(item.availability()).isEqualTo("Tuesday 09:00 to 13:00");
        assertThat(item.travel()).isEqualTo("Up to 12.5 km");
        assertThat(item.toString()).doesNotContain("9434765919", "Demo Person", "LS6 2AB", "1956");
        assertThat(Labels.list(item.needs())).isEqualTo("Step free access");
    }

    @Test
    void aRefusedFormShowsEachFieldErrorNextToItsFieldAndKeepsWhatWasTyped() {
        FormState form = FormState.of("measure", Map.of("score", "150", "instrument", "KOOS_PS"));
        String problem = "{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"invalid\",\"errors\":["
                + "{\"field\":\"recordMeasure.measure.score\",\"message\":\"is outside KOOS_PS's range 0 to 100\"},"
                + "{\"field\":\"courseId\",\"message\":\"not a field of this form\"}]}";
        form.refusedBy(
                new WebApplicationException(Response.status(400)
                        .entity(problem)
                        .type("application/problem+json")
                        .build()),
                List.of("instrument", "timepoint", "score", "takenOn"));

        assertThat(form.invalid()).isTrue();
        assertThat(form.errorOf("score")).isEqualTo("is outside KOOS_PS's range 0 to 100");
        assertThat(form.value("score")).isEqualTo("150");
        assertThat(form.summary()).isEqualTo("not a field of this form");
        assertThat(form.links()).extracting(Map.Entry::getKey).containsExactly("#measure-score");
    }

    @Test
    void aPersonOnTheRegisterIsReadAtEachSession() {
        RegisterPerson person = new RegisterPerson(
                "r-1",
                "Demo Person",
                "IN_PROGRESS",
                "c-1",
                null,
                List.of(new Entry(1, "ATTENDED"), new Entry(2, null)));

        assertThat(person.at(1)).isEqualTo("ATTENDED");
        assertThat(person.at(2)).isNull();
        assertThat(person.open()).isTrue();
        assertThat(new RegisterPerson("r-2", "X", "COMPLETED", "c-2", "COMPLETED", List.of()).open())
                .isFalse();
    }
}
