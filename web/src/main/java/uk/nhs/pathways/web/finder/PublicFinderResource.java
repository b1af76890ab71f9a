package uk.nhs.pathways.web.finder;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import uk.nhs.pathways.web.support.ApiProblem;
import uk.nhs.pathways.web.support.Htmx;

/**
 * The public class finder: where ESCAPE-pain runs near a postcode, for anyone, without signing in. It
 * reads the directory's public Open Referral UK feed exactly as other directories do (no token), and says
 * how to get a place: a referral from an FCP or GP.
 */
@Path("/find")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PublicFinderResource {

    static final int PAGE_SIZE = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public record Choice(String value, String label) {}

    static final List<Choice> DISTANCES = List.of(
            new Choice("5", "5 km"), new Choice("10", "10 km"), new Choice("25", "25 km"), new Choice("50", "50 km"));

    /** One place near the postcode, with its classes to come (from the service's full record). */
    public record Place(OpenReferralClient.ServiceAtLocation found, OpenReferralClient.Service service) {

        public String name() {
            return found.service() == null
                    ? found.location().name()
                    : found.service().name();
        }

        public String address() {
            if (found.location() == null
                    || found.location().addresses() == null
                    || found.location().addresses().isEmpty()) {
                return "";
            }
            OpenReferralClient.Address a = found.location().addresses().getFirst();
            // a site without a street address is listed by its name, already shown above it
            return Arrays.asList(a.address1(), a.city(), a.postalCode()).stream()
                    .filter(part -> part != null
                            && !part.isBlank()
                            && !part.equals(found.location().name()))
                    .collect(Collectors.joining(", "));
        }

        public List<OpenReferralClient.Schedule> schedules() {
            return service == null || service.schedules() == null ? List.of() : service.schedules();
        }

        public String alert() {
            return found.service() == null ? null : found.service().alert();
        }

        public String organisation() {
            return found.service() == null || found.service().organization() == null
                    ? ""
                    : found.service().organization().name();
        }
    }

    public record Search(
            boolean asked,
            String postcode,
            String within,
            int page,
            Map<String, String> errors,
            long total,
            long pages,
            List<Place> places) {

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        public boolean found() {
            return places != null;
        }

        public String at(int page) {
            return "/find?postcode=" + URLEncoder.encode(postcode, StandardCharsets.UTF_8) + "&within=" + within
                    + "&page=" + page;
        }
    }

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance find(Search search, List<Choice> distances);

        static native TemplateInstance findPartial(Search search, List<Choice> distances);
    }

    @Inject
    @RestClient
    OpenReferralClient feed;

    @GET
    public Response find(
            @QueryParam("postcode") String postcode,
            @QueryParam("within") String within,
            @QueryParam("page") String page,
            @Context HttpHeaders headers) {
        String typed = postcode == null ? "" : postcode.strip();
        String distance = DISTANCES.stream()
                .map(Choice::value)
                .filter(v -> v.equals(within))
                .findFirst()
                .orElse("25");
        int number = pageNumber(page);
        // a sent form (an empty field may come without its "=", which reads as absent)
        boolean asked = postcode != null || within != null;
        Search search = new Search(asked, typed, distance, number, Map.of(), 0, 0, null);
        int status = 200;
        if (search.asked()) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (typed.isEmpty()) {
                errors.put("postcode", "Enter a postcode");
            } else {
                try {
                    OpenReferralClient.Page found =
                            feed.serviceAtLocations(typed, Long.parseLong(distance) * 1000, number, PAGE_SIZE);
                    List<Place> places = new ArrayList<>();
                    for (OpenReferralClient.ServiceAtLocation sal : found.contents()) {
                        places.add(new Place(sal, fullService(sal.serviceId())));
                    }
                    search = new Search(
                            true, typed, distance, number, Map.of(), found.totalItems(), found.totalPages(), places);
                } catch (ClientWebApplicationException refused) {
                    if (refused.getResponse().getStatus() != 400) {
                        throw refused;
                    }
                    ApiProblem problem = ApiProblem.of(refused);
                    String message = problem.fieldErrors().get("postcode");
                    errors.put(
                            "postcode",
                            message == null
                                    ? problem.summary()
                                    : "Postcode " + message + ". Enter a full UK postcode, like LS6 2AB");
                }
            }
            if (!errors.isEmpty()) {
                search = new Search(true, typed, distance, number, errors, 0, 0, null);
                status = 400;
            }
        }
        TemplateInstance page1 =
                Htmx.partial(headers) ? Templates.findPartial(search, DISTANCES) : Templates.find(search, DISTANCES);
        // htmx swaps only successful answers: for it a refused search is drawn like a found one.
        return Response.status(Htmx.partial(headers) ? 200 : status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.VARY, "HX-Request")
                .entity(page1.render())
                .build();
    }

    /** The service's classes to come; none if it went from the feed meanwhile. */
    private OpenReferralClient.Service fullService(String id) {
        try {
            return feed.service(id);
        } catch (ClientWebApplicationException gone) {
            if (gone.getResponse().getStatus() == 404) {
                return null;
            }
            throw gone;
        }
    }

    static int pageNumber(String page) {
        try {
            return Math.max(1, Math.min(Integer.parseInt(page == null ? "1" : page.strip()), 10_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** What the feed's codes mean to a person reading the page. */
    @TemplateExtension(namespace = "feed")
    static class FeedWords {

        /** "TU,TH" becomes "Tuesday and Thursday". */
        static String days(String byday) {
            if (byday == null || byday.isBlank()) {
                return "";
            }
            return Arrays.stream(byday.split(","))
                    .map(code -> Arrays.stream(DayOfWeek.values())
                            .filter(d -> d.name().startsWith(code.strip()))
                            .findFirst()
                            .map(d -> d.getDisplayName(TextStyle.FULL, Locale.UK))
                            .orElse(code))
                    .collect(Collectors.joining(" and "));
        }

        /** "community centre" becomes "Community centre". */
        static String sentence(String text) {
            return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }

        static String date(LocalDate date) {
            return date == null ? "" : DAY.format(date);
        }

        static String distance(Long metres) {
            if (metres == null) {
                return "";
            }
            // between postcode districts' centres: nothing nearer than a kilometre is worth more precision
            return metres < 1000 ? "Less than 1 km" : String.format(Locale.UK, "%.1f km", metres / 1000.0);
        }
    }
}
