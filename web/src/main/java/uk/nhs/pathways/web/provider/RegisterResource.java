package uk.nhs.pathways.web.provider;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import uk.nhs.pathways.web.provider.ProviderApi.ClassInfo;
import uk.nhs.pathways.web.provider.ProviderApi.ClassRegister;
import uk.nhs.pathways.web.provider.ProviderApi.RegisterPerson;
import uk.nhs.pathways.web.provider.ProviderApi.RegisterSession;
import uk.nhs.pathways.web.support.ApiProblem;

/**
 * The attendance register of one session of a class, for a tablet in the hall: everyone booked, and for
 * each person one tap (Attended, Absent, Absent with notice) that records it in the referral service and
 * swaps in what is now recorded (htmx; without JavaScript the page reloads). The session can be cancelled
 * for everyone.
 */
@Path("/provider/classes/{classId}/register")
@RolesAllowed("provider")
public class RegisterResource {

    static final List<String> ANSWERS = List.of("ATTENDED", "ABSENT", "ABSENT_WITH_NOTICE");
    static final Set<Integer> ENTRY_REFUSALS = Set.of(400, 409);

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance register(RegisterPage page, String error);

        static native TemplateInstance person(
                String classId, RegisterSession session, RegisterPerson person, List<String> answers, String error);
    }

    /** The register of session {@code session.number} of the class. */
    public record RegisterPage(
            ClassInfo cohort, ClassRegister register, RegisterSession session, List<String> answers) {}

    @Inject
    @RestClient
    ReferralsClient referrals;

    @Inject
    @RestClient
    DirectoryClient directory;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@PathParam("classId") String classId, @QueryParam("session") Integer session) {
        return Templates.register(load(classId, session), null);
    }

    @POST
    @Path("/{n}/people/{referralId}")
    @Produces(MediaType.TEXT_HTML)
    public Response record(
            @PathParam("classId") String classId,
            @PathParam("n") int number,
            @PathParam("referralId") String referralId,
            @FormParam("attendance") String attendance,
            @HeaderParam("HX-Request") String htmx) {
        String error = null;
        if (!ANSWERS.contains(attendance)) {
            error = "Choose Attended, Absent or Absent with notice";
        } else {
            try {
                referrals.recordSession(referralId, number, new ProviderApi.SessionEntry(attendance));
            } catch (ClientWebApplicationException refused) {
                if (!ENTRY_REFUSALS.contains(refused.getResponse().getStatus())) {
                    throw refused;
                }
                ApiProblem problem = ApiProblem.of(refused);
                error = problem.fieldErrors().isEmpty()
                        ? problem.summary()
                        : String.join("; ", problem.fieldErrors().values());
            }
        }
        if (htmx == null) {
            if (error == null) {
                return Response.seeOther(URI.create("/provider/classes/" + classId + "/register?session=" + number
                                + "#person-" + referralId))
                        .build();
            }
            return Response.status(400)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.register(load(classId, number), error).render())
                    .build();
        }
        // htmx swaps in the person's row as it now is (or with the refusal), so the page stays where it was.
        RegisterPage page = load(classId, number);
        RegisterPerson person = page.register().people().stream()
                .filter(p -> p.referralId().equals(referralId))
                .findFirst()
                .orElseThrow(NotFoundException::new);
        return Response.ok(Templates.person(classId, page.session(), person, ANSWERS, error)
                        .render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    @POST
    @Path("/{n}/cancellation")
    @Produces(MediaType.TEXT_HTML)
    public Response cancelSession(@PathParam("classId") String classId, @PathParam("n") int number) {
        try {
            referrals.cancelSession(classId, number);
        } catch (ClientWebApplicationException refused) {
            if (!ENTRY_REFUSALS.contains(refused.getResponse().getStatus())) {
                throw refused;
            }
            return Response.status(refused.getResponse().getStatus())
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.register(
                                    load(classId, number),
                                    ApiProblem.of(refused).summary())
                            .render())
                    .build();
        }
        return Response.seeOther(URI.create("/provider/classes/" + classId + "/register?session=" + number))
                .build();
    }

    RegisterPage load(String classId, Integer number) {
        ClassRegister register = referrals.classRegister(classId); // 404 for another provider's class
        ClassInfo cohort = directory.classById(classId);
        List<RegisterSession> sessions = register.sessions();
        if (sessions.isEmpty()) {
            throw new NotFoundException();
        }
        RegisterSession session = number == null
                ? latestHeld(sessions)
                : sessions.stream()
                        .filter(s -> s.number() == number)
                        .findFirst()
                        .orElseThrow(NotFoundException::new);
        return new RegisterPage(cohort, register, session, ANSWERS);
    }

    /** The session a register opens at: the latest on or before today, or the first. */
    static RegisterSession latestHeld(List<RegisterSession> sessions) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        RegisterSession latest = sessions.getFirst();
        for (RegisterSession s : sessions) {
            if (!s.on().isAfter(today)) {
                latest = s;
            }
        }
        return latest;
    }
}
