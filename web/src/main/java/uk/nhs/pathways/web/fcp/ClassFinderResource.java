package uk.nhs.pathways.web.fcp;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.web.support.ApiProblem;
import uk.nhs.pathways.web.support.Htmx;

/**
 * The class finder for the conversation with the person: ESCAPE-pain classes near their postcode, from the
 * site directory's search, with what matters to them (how far, where, when, places free). A plain GET form
 * that works without JavaScript; with htmx, only the results (and the form's errors) are redrawn.
 */
@Path("/fcp/class-finder")
@RolesAllowed("referrer")
@Produces(MediaType.TEXT_HTML)
public class ClassFinderResource {

    static final int PAGE_SIZE = 10;

    public record Choice(String value, String label) {}

    static final List<Choice> JOINTS = List.of(new Choice("KNEE", "Knee"), new Choice("HIP", "Hip"));
    static final List<Choice> SETTINGS = Arrays.stream(Setting.values())
            .map(s -> new Choice(s.name(), Words.constant(s)))
            .toList();
    static final List<Choice> DAYS = Arrays.stream(DayOfWeek.values())
            .map(d -> new Choice(d.name(), d.getDisplayName(TextStyle.FULL, Locale.UK)))
            .toList();
    static final List<Choice> DISTANCES = List.of(
            new Choice("5", "5 km"), new Choice("10", "10 km"), new Choice("25", "25 km"), new Choice("50", "50 km"));

    /** What was asked (as typed), the errors in it, and the page of classes found. */
    public record Search(
            boolean asked,
            String postcode,
            String joint,
            String setting,
            String day,
            String within,
            int page,
            Map<String, String> errors,
            DirectoryClient.ClassPage found) {

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        public long pages() {
            return found == null ? 0 : (found.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        }

        /** This search's address at another page. */
        public String at(int page) {
            return "/fcp/class-finder?postcode=" + enc(postcode) + "&joint=" + enc(joint) + "&setting=" + enc(setting)
                    + "&day=" + enc(day) + "&within=" + enc(within) + "&page=" + page;
        }

        Search with(Map<String, String> errors, DirectoryClient.ClassPage found) {
            return new Search(true, postcode, joint, setting, day, within, page, errors, found);
        }
    }

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance classFinder(
                Search search, List<Choice> joints, List<Choice> settings, List<Choice> days, List<Choice> distances);

        /** The results and, out of band, the form and its errors: what htmx redraws. */
        static native TemplateInstance classFinderPartial(
                Search search, List<Choice> joints, List<Choice> settings, List<Choice> days, List<Choice> distances);
    }

    @Inject
    @RestClient
    DirectoryClient directory;

    @GET
    public Response find(
            @QueryParam("postcode") String postcode,
            @QueryParam("joint") String joint,
            @QueryParam("setting") String setting,
            @QueryParam("day") String day,
            @QueryParam("within") String within,
            @QueryParam("page") String page,
            @Context HttpHeaders headers) {
        Search search = new Search(
                // a sent form (an empty field may come without its "=", which reads as absent)
                postcode != null || joint != null,
                postcode == null ? "" : postcode.strip(),
                oneOf(JOINTS, joint, ""),
                oneOf(SETTINGS, setting, ""),
                oneOf(DAYS, day, ""),
                oneOf(DISTANCES, within, "25"),
                FcpResource.pageNumber(page),
                Map.of(),
                null);
        int status = 200;
        if (search.asked()) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (search.postcode().isEmpty()) {
                errors.put("postcode", "Enter the person's postcode");
            }
            if (search.joint().isEmpty()) {
                errors.put("joint", "Select knee or hip");
            }
            if (errors.isEmpty()) {
                try {
                    search = search.with(
                            Map.of(),
                            directory.near(
                                    search.postcode(),
                                    Long.parseLong(search.within()) * 1000,
                                    search.joint(),
                                    blankToNull(search.setting()),
                                    blankToNull(search.day()),
                                    search.page() - 1,
                                    PAGE_SIZE));
                } catch (ClientWebApplicationException refused) {
                    if (refused.getResponse().getStatus() != 400) {
                        throw refused;
                    }
                    ApiProblem problem = ApiProblem.of(refused);
                    problem.fieldErrors()
                            .forEach((field, message) -> errors.put(
                                    "postcode".equals(field) ? "postcode" : "search",
                                    FcpResource.sentence(field, message)));
                    if (errors.isEmpty()) {
                        errors.put("search", problem.summary());
                    }
                }
            }
            if (!errors.isEmpty()) {
                search = search.with(errors, null);
                status = 400;
            }
        }
        if (Htmx.partial(headers)) {
            // htmx swaps only successful answers: the refused search is drawn like a found one.
            return vary(FcpResource.html(200, Templates.classFinderPartial(search, JOINTS, SETTINGS, DAYS, DISTANCES)));
        }
        return vary(FcpResource.html(status, Templates.classFinder(search, JOINTS, SETTINGS, DAYS, DISTANCES)));
    }

    private static Response vary(Response response) {
        response.getHeaders().add(HttpHeaders.VARY, "HX-Request");
        return response;
    }

    private static String oneOf(List<Choice> choices, String value, String otherwise) {
        return choices.stream()
                .map(Choice::value)
                .filter(v -> v.equals(value))
                .findFirst()
                .orElse(otherwise);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
