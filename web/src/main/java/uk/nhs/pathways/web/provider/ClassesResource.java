package uk.nhs.pathways.web.provider;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import uk.nhs.pathways.web.provider.ProviderApi.ClassBody;
import uk.nhs.pathways.web.provider.ProviderApi.ClassInfo;
import uk.nhs.pathways.web.provider.ProviderApi.Site;
import uk.nhs.pathways.web.support.ApiProblem;
import uk.nhs.pathways.web.support.SignedInUser;

/**
 * The provider's sites and their classes with capacity at a glance; add, change and cancel a class. The
 * site directory checks every class and names each field at fault, shown next to it.
 */
@Path("/provider/classes")
@RolesAllowed("provider")
public class ClassesResource {

    static final List<String> FIELDS = List.of(
            "siteId",
            "programmes",
            "startDate",
            "days",
            "startTime",
            "durationMinutes",
            "sessions",
            "capacity",
            "facilitatorType",
            "status");
    static final List<String> JOINTS = List.of("KNEE", "HIP");
    static final List<String> DAYS =
            List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
    static final List<String> FACILITATORS = List.of("PHYSIOTHERAPIST", "THERAPY_ASSISTANT", "FITNESS_INSTRUCTOR");
    static final Set<Integer> FORM_REFUSALS = Set.of(400, 409, 412, 422, 428);

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance classes(List<SiteClasses> sites, String error);

        static native TemplateInstance classForm(ClassFormPage page, FormState form);
    }

    public record SiteClasses(Site site, List<ClassInfo> classes) {}

    /** A new class (no {@code cohort}) or a change to one; the choices the form offers. */
    public record ClassFormPage(
            ClassInfo cohort, List<Site> sites, List<String> joints, List<String> days, List<String> facilitators) {

        public boolean isNew() {
            return cohort == null;
        }

        public String action() {
            return cohort == null ? "/provider/classes" : "/provider/classes/" + cohort.id();
        }
    }

    @Inject
    @RestClient
    DirectoryClient directory;

    @Inject
    SignedInUser user;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance classes() {
        return Templates.classes(sitesWithClasses(), null);
    }

    @GET
    @Path("/new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance newClass(@QueryParam("siteId") String siteId) {
        FormState form = FormState.of(
                "class",
                Map.of(
                        "siteId", siteId == null ? "" : siteId,
                        "programmes", "KNEE,HIP",
                        "durationMinutes", "60",
                        "sessions", "12",
                        "capacity", "10"));
        return Templates.classForm(formPage(null), form);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response add(
            @FormParam("siteId") String siteId,
            @FormParam("programmes") List<String> programmes,
            @FormParam("startDate") String startDate,
            @FormParam("days") List<String> days,
            @FormParam("startTime") String startTime,
            @FormParam("durationMinutes") String durationMinutes,
            @FormParam("sessions") String sessions,
            @FormParam("capacity") String capacity,
            @FormParam("facilitatorType") String facilitatorType) {
        FormState form = typed(
                siteId, programmes, startDate, days, startTime, durationMinutes, sessions, capacity, facilitatorType);
        ClassBody body = read(
                form,
                siteId,
                programmes,
                startDate,
                days,
                startTime,
                durationMinutes,
                sessions,
                capacity,
                facilitatorType,
                "SCHEDULED");
        if (!form.invalid()) {
            try {
                directory.addClass(body);
                return Response.seeOther(URI.create("/provider/classes")).build();
            } catch (ClientWebApplicationException refused) {
                explain(form, refused);
            }
        }
        return formRefused(formPage(null), form);
    }

    @GET
    @Path("/{id}/edit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance edit(@PathParam("id") String id) {
        ClassInfo cohort = own(id);
        FormState form = FormState.of(
                "class",
                Map.of(
                        "siteId", cohort.siteId(),
                        "programmes", String.join(",", cohort.programmes()),
                        "startDate", String.valueOf(cohort.startDate()),
                        "days",
                                String.join(
                                        ",",
                                        cohort.days().stream().map(Enum::name).toList()),
                        "startTime", Labels.time(cohort.startTime()),
                        "durationMinutes", String.valueOf(cohort.durationMinutes()),
                        "sessions", String.valueOf(cohort.sessions()),
                        "capacity", String.valueOf(cohort.capacity()),
                        "facilitatorType", String.valueOf(cohort.facilitatorType()),
                        "version", String.valueOf(cohort.version())));
        return Templates.classForm(formPage(cohort), form);
    }

    @POST
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response update(
            @PathParam("id") String id,
            @FormParam("version") String version,
            @FormParam("programmes") List<String> programmes,
            @FormParam("startDate") String startDate,
            @FormParam("days") List<String> days,
            @FormParam("startTime") String startTime,
            @FormParam("durationMinutes") String durationMinutes,
            @FormParam("sessions") String sessions,
            @FormParam("capacity") String capacity,
            @FormParam("facilitatorType") String facilitatorType) {
        ClassInfo cohort = own(id);
        FormState form = typed(
                cohort.siteId(),
                programmes,
                startDate,
                days,
                startTime,
                durationMinutes,
                sessions,
                capacity,
                facilitatorType);
        form.values().put("version", version == null ? "" : version);
        ClassBody body = read(
                form,
                cohort.siteId(),
                programmes,
                startDate,
                days,
                startTime,
                durationMinutes,
                sessions,
                capacity,
                facilitatorType,
                cohort.status());
        if (!form.invalid()) {
            try {
                directory.updateClass(id, "\"" + version + "\"", body);
                return Response.seeOther(URI.create("/provider/classes")).build();
            } catch (ClientWebApplicationException refused) {
                explain(form, refused);
            }
        }
        return formRefused(formPage(cohort), form);
    }

    @POST
    @Path("/{id}/cancel")
    @Produces(MediaType.TEXT_HTML)
    public Response cancel(@PathParam("id") String id, @FormParam("version") String version) {
        own(id);
        try {
            directory.cancelClass(id, "\"" + version + "\"");
        } catch (ClientWebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (!FORM_REFUSALS.contains(status)) {
                throw refused;
            }
            String why = status == 412
                    ? "The class changed since you opened the page; look at it again before cancelling"
                    : ApiProblem.of(refused).summary();
            return Response.status(409)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.classes(sitesWithClasses(), why).render())
                    .build();
        }
        return Response.seeOther(URI.create("/provider/classes")).build();
    }

    // ---- shared ----

    /** A class of this provider's, or "not found" (the directory would refuse to change another's: 403). */
    ClassInfo own(String id) {
        ClassInfo cohort = directory.classById(id);
        if (!user.organisation().equals(cohort.providerId())) {
            throw new NotFoundException();
        }
        return cohort;
    }

    List<SiteClasses> sitesWithClasses() {
        return directory.sitesOf(user.organisation()).stream()
                .map(site -> new SiteClasses(site, directory.classesAt(site.id())))
                .toList();
    }

    ClassFormPage formPage(ClassInfo cohort) {
        List<Site> sites = directory.sitesOf(user.organisation()).stream()
                .filter(s -> !"CEASED".equals(s.status()))
                .toList();
        return new ClassFormPage(cohort, sites, JOINTS, DAYS, FACILITATORS);
    }

    static FormState typed(
            String siteId,
            List<String> programmes,
            String startDate,
            List<String> days,
            String startTime,
            String durationMinutes,
            String sessions,
            String capacity,
            String facilitatorType) {
        return FormState.of(
                "class",
                ReferralPageResource.values(
                        "siteId", siteId,
                        "programmes", programmes == null ? "" : String.join(",", programmes),
                        "startDate", startDate,
                        "days", days == null ? "" : String.join(",", days),
                        "startTime", startTime,
                        "durationMinutes", durationMinutes,
                        "sessions", sessions,
                        "capacity", capacity,
                        "facilitatorType", facilitatorType));
    }

    /** The class as typed; what cannot be read (not a date, time or number) is an error on its field. */
    static ClassBody read(
            FormState form,
            String siteId,
            List<String> programmes,
            String startDate,
            List<String> days,
            String startTime,
            String durationMinutes,
            String sessions,
            String capacity,
            String facilitatorType,
            String status) {
        if (ReferralPageResource.blank(siteId)) {
            form.error("siteId", "Choose the site");
        }
        LocalDate start = null;
        if (ReferralPageResource.blank(startDate)) {
            form.error("startDate", "Enter the date of the first session");
        } else {
            try {
                start = LocalDate.parse(startDate.trim());
            } catch (DateTimeParseException e) {
                form.error("startDate", "Enter a real date, like 2026-03-14");
            }
        }
        LocalTime time = null;
        if (ReferralPageResource.blank(startTime)) {
            form.error("startTime", "Enter the time each session starts");
        } else {
            try {
                time = LocalTime.parse(startTime.trim());
            } catch (DateTimeParseException e) {
                form.error("startTime", "Enter a time in 24-hour format, like 10:00");
            }
        }
        Integer duration = number(form, "durationMinutes", durationMinutes, "the length of a session in minutes");
        Integer sessionCount = number(form, "sessions", sessions, "the number of sessions");
        Integer places = number(form, "capacity", capacity, "the number of places");
        return new ClassBody(
                ReferralPageResource.trimmed(siteId),
                programmes == null ? List.of() : programmes,
                start,
                days == null ? List.of() : days,
                time,
                duration,
                sessionCount == null ? 0 : sessionCount,
                places == null ? 0 : places,
                ReferralPageResource.trimmed(facilitatorType),
                status);
    }

    private static Integer number(FormState form, String field, String typed, String what) {
        if (ReferralPageResource.blank(typed)) {
            form.error(field, "Enter " + what);
            return null;
        }
        try {
            return Integer.valueOf(typed.trim());
        } catch (NumberFormatException e) {
            form.error(field, "Enter " + what + " as a whole number");
            return null;
        }
    }

    private static void explain(FormState form, ClientWebApplicationException refused) {
        int status = refused.getResponse().getStatus();
        if (!FORM_REFUSALS.contains(status)) {
            throw refused;
        }
        if (status == 412 || status == 428) {
            form.refusal("The class changed since you opened it; open it again to see the change");
            return;
        }
        form.refusedBy(refused, FIELDS);
    }

    private static Response formRefused(ClassFormPage page, FormState form) {
        return Response.status(400)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.classForm(page, form).render())
                .build();
    }
}
