package uk.nhs.pathways.web.provider;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import uk.nhs.pathways.web.provider.ProviderApi.ClassInfo;
import uk.nhs.pathways.web.provider.ProviderApi.Course;
import uk.nhs.pathways.web.provider.ProviderApi.Referral;
import uk.nhs.pathways.web.provider.ProviderApi.TimelineEntry;
import uk.nhs.pathways.web.support.SignedInUser;

/**
 * One referral offered to the provider: accept or decline it, book the person into a class, cancel the
 * booking, the course's measures and drop-out, and its timeline. The referral service decides what the
 * provider may see and do; a refused form is shown again with the service's reasons next to the fields.
 */
@Path("/provider/referrals/{id}")
@RolesAllowed("provider")
public class ReferralPageResource {

    static final List<String> DECLINE_REASONS =
            List.of("NO_CAPACITY", "NOT_SUITABLE", "UNABLE_TO_CONTACT", "PERSON_DECLINED", "OTHER");
    static final List<String> CANCELLATION_REASONS =
            List.of("PERSON_REQUESTED", "PERSON_UNABLE_TO_ATTEND", "CLASS_CANCELLED", "OTHER");
    static final List<String> DROP_OUT_REASONS = List.of(
            "PERSON_CHOSE_TO_STOP", "ILL_HEALTH", "PAIN_OR_INJURY", "MOVED_AWAY", "TRANSPORT_OR_ACCESS", "OTHER");
    static final List<String> INSTRUMENTS = List.of("KOOS_PS", "HOOS_PS", "PAIN_NRS", "EQ_VAS", "SWEMWBS", "ASES_8");
    static final List<String> TIMEPOINTS = List.of("FIRST_SESSION", "LAST_SESSION", "FOLLOW_UP");

    static final Set<String> BOOKABLE = Set.of("ACCEPTED", "BOOKING_CANCELLED");
    static final Set<String> ON_COURSE = Set.of("BOOKED", "IN_PROGRESS");
    static final Set<String> COURSE_ENDED = Set.of("COMPLETED", "DROPPED_OUT", "DID_NOT_ATTEND");

    /** Refusals a form explains; 404/403 and the rest go to PageFailures. */
    static final Set<Integer> FORM_REFUSALS = Set.of(400, 409, 412, 422);

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance referral(ReferralPage page, FormState form);

        static native TemplateInstance status(Referral referral);
    }

    /** Everything the referral's page shows. */
    public record ReferralPage(
            Referral referral,
            List<TimelineEntry> timeline,
            List<ClassInfo> classes,
            Course course,
            List<String> declineReasons,
            List<String> cancellationReasons,
            List<String> dropOutReasons,
            List<String> instruments,
            List<String> timepoints) {

        public boolean offered() {
            return "OFFERED".equals(referral.status());
        }

        public boolean bookable() {
            return BOOKABLE.contains(referral.status());
        }

        public boolean bookingRequested() {
            return "BOOKING_REQUESTED".equals(referral.status());
        }

        public boolean booked() {
            return "BOOKED".equals(referral.status());
        }

        public boolean onCourse() {
            return ON_COURSE.contains(referral.status());
        }
    }

    @Inject
    @RestClient
    ReferralsClient referrals;

    @Inject
    @RestClient
    DirectoryClient directory;

    @Inject
    SignedInUser user;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("id") String id) {
        return Templates.referral(load(id), FormState.NONE);
    }

    /** The status alone, polled while the directory answers a booking; any change reloads the whole page. */
    @GET
    @Path("/status")
    @Produces(MediaType.TEXT_HTML)
    public Response status(@PathParam("id") String id) {
        Referral referral = referrals.get(id);
        if (!"BOOKING_REQUESTED".equals(referral.status())) {
            return Response.ok().header("HX-Refresh", "true").build();
        }
        return Response.ok(Templates.status(referral)).build();
    }

    @POST
    @Path("/response")
    @Produces(MediaType.TEXT_HTML)
    public Response respond(
            @PathParam("id") String id,
            @FormParam("decision") String decision,
            @FormParam("reasonCode") String reasonCode,
            @FormParam("reason") String reason) {
        FormState form =
                FormState.of("response", values("decision", decision, "reasonCode", reasonCode, "reason", reason));
        if (!"accept".equals(decision) && !"decline".equals(decision)) {
            form.error("decision", "Choose whether you accept or decline the referral");
        } else if ("decline".equals(decision) && blank(reasonCode)) {
            form.error("reasonCode", "Choose why you are declining");
        }
        if (form.invalid()) {
            return refused(id, form, 400);
        }
        boolean accept = "accept".equals(decision);
        return act(
                id,
                form,
                List.of("decision", "reasonCode", "reason"),
                () -> referrals.respond(
                        id,
                        new ProviderApi.Answer(accept, accept ? null : reasonCode, accept ? null : trimmed(reason))));
    }

    @POST
    @Path("/booking")
    @Produces(MediaType.TEXT_HTML)
    public Response book(@PathParam("id") String id, @FormParam("classId") String classId) {
        FormState form = FormState.of("booking", values("classId", classId));
        if (blank(classId)) {
            return refused(id, form.error("classId", "Choose a class to book the person into"), 400);
        }
        return act(id, form, List.of("classId"), () -> referrals.book(id, new ProviderApi.Booking(classId)));
    }

    @POST
    @Path("/booking/cancellation")
    @Produces(MediaType.TEXT_HTML)
    public Response cancelBooking(
            @PathParam("id") String id,
            @FormParam("reasonCode") String reasonCode,
            @FormParam("reason") String reason) {
        FormState form = FormState.of("cancellation", values("reasonCode", reasonCode, "reason", reason));
        if (blank(reasonCode)) {
            return refused(id, form.error("reasonCode", "Choose why you are cancelling the booking"), 400);
        }
        return act(
                id,
                form,
                List.of("reasonCode", "reason"),
                () -> referrals.cancelBooking(id, new ProviderApi.Cancellation(reasonCode, trimmed(reason))));
    }

    @POST
    @Path("/measures")
    @Produces(MediaType.TEXT_HTML)
    public Response recordMeasure(
            @PathParam("id") String id,
            @FormParam("instrument") String instrument,
            @FormParam("timepoint") String timepoint,
            @FormParam("score") String score,
            @FormParam("takenOn") String takenOn) {
        FormState form = FormState.of(
                "measure",
                values("instrument", instrument, "timepoint", timepoint, "score", score, "takenOn", takenOn));
        MeasureInput input = MeasureInput.read(instrument, timepoint, score, takenOn, form);
        if (form.invalid()) {
            return refused(id, form, 400);
        }
        return act(
                id,
                form,
                List.of("instrument", "timepoint", "score", "takenOn"),
                () -> referrals.recordMeasure(
                        id,
                        new ProviderApi.MeasureEntry(
                                input.instrument(), input.timepoint(), input.score(), input.takenOn())));
    }

    @POST
    @Path("/drop-out")
    @Produces(MediaType.TEXT_HTML)
    public Response dropOut(
            @PathParam("id") String id,
            @FormParam("reasonCode") String reasonCode,
            @FormParam("reason") String reason) {
        FormState form = FormState.of("dropOut", values("reasonCode", reasonCode, "reason", reason));
        if (blank(reasonCode)) {
            return refused(id, form.error("reasonCode", "Choose why the person stopped"), 400);
        }
        return act(
                id,
                form,
                List.of("reasonCode", "reason"),
                () -> referrals.dropOut(id, new ProviderApi.DropOut(reasonCode, trimmed(reason))));
    }

    /** A measure as typed, checked for form only (a number, a date); the service checks the rest. */
    record MeasureInput(String instrument, String timepoint, BigDecimal score, LocalDate takenOn) {

        static MeasureInput read(String instrument, String timepoint, String score, String takenOn, FormState form) {
            if (blank(instrument)) {
                form.error("instrument", "Choose the measure");
            }
            if (blank(timepoint)) {
                form.error("timepoint", "Choose when the measure was taken");
            }
            BigDecimal number = null;
            if (blank(score)) {
                form.error("score", "Enter the score");
            } else {
                try {
                    number = new BigDecimal(score.trim());
                } catch (NumberFormatException e) {
                    form.error("score", "Enter the score as a number, like 42 or 6.5");
                }
            }
            LocalDate on = null;
            if (blank(takenOn)) {
                form.error("takenOn", "Enter the date the measure was taken");
            } else {
                try {
                    on = LocalDate.parse(takenOn.trim());
                } catch (DateTimeParseException e) {
                    form.error("takenOn", "Enter a real date, like 2026-03-14");
                }
            }
            return new MeasureInput(instrument, timepoint, number, on);
        }
    }

    // ---- shared ----

    private Response act(String id, FormState form, List<String> fields, Runnable call) {
        try {
            call.run();
        } catch (ClientWebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (!FORM_REFUSALS.contains(status)) {
                throw refused;
            }
            return refused(id, form.refusedBy(refused, fields), status == 412 || status == 422 ? 409 : status);
        }
        return Response.seeOther(URI.create("/provider/referrals/" + id)).build();
    }

    private Response refused(String id, FormState form, int status) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.referral(load(id), form).render())
                .build();
    }

    ReferralPage load(String id) {
        Referral referral = referrals.get(id);
        List<TimelineEntry> timeline = referrals.timeline(id);
        List<ClassInfo> classes = BOOKABLE.contains(referral.status()) ? bookableClasses(referral) : List.of();
        Course course = null;
        if (ON_COURSE.contains(referral.status()) || COURSE_ENDED.contains(referral.status())) {
            try {
                course = referrals.course(id);
            } catch (ClientWebApplicationException none) {
                if (none.getResponse().getStatus() != 404) {
                    throw none;
                }
                // no course in this booking (e.g. a course ended before its booking was cancelled)
            }
        }
        return new ReferralPage(
                referral,
                timeline,
                classes,
                course,
                DECLINE_REASONS,
                CANCELLATION_REASONS,
                DROP_OUT_REASONS,
                INSTRUMENTS,
                TIMEPOINTS);
    }

    /** The provider's SCHEDULED classes for the person's joint with a place free; the offered class first. */
    List<ClassInfo> bookableClasses(Referral referral) {
        String offered = referral.offer() == null ? null : referral.offer().classId();
        List<ClassInfo> found = new ArrayList<>();
        for (ProviderApi.Site site : directory.sitesOf(user.organisation())) {
            if (!"ACTIVE".equals(site.status())) {
                continue;
            }
            directory.classesAt(site.id()).stream()
                    .filter(c -> "SCHEDULED".equals(c.status()))
                    .filter(c -> c.freePlaces() > 0)
                    .filter(c -> referral.joint() == null
                            || c.programmes() == null
                            || c.programmes().contains(referral.joint()))
                    .forEach(found::add);
        }
        return found.stream()
                .sorted(Comparator.comparing((ClassInfo c) -> !c.id().equals(offered))
                        .thenComparing(ClassInfo::startDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ClassInfo::id))
                .toList();
    }

    static Map<String, String> values(String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return values;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }
}
