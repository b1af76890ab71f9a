package uk.nhs.pathways.web.fcp;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.web.support.ApiProblem;

/**
 * The FCP's view of its practice's referrals: the list, each referral with why it went to its class and
 * every step it took, and the FCP's own actions on it (withdraw; route again when it needs attention).
 * referral-service decides which referrals the practice sees: another practice's is "not found".
 */
@Path("/fcp")
@RolesAllowed("referrer")
@Produces(MediaType.TEXT_HTML)
public class FcpResource {

    static final int PAGE_SIZE = 20;
    /** The inputs of the action forms, which show their own errors next to them. */
    private static final Set<String> FORM_FIELDS = Set.of("reason", "settings", "maxTravelKm");

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{1,64}");

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance referrals(
                List<ReferralViews.Referral> referrals,
                String status,
                List<StatusChoice> statuses,
                int page,
                boolean hasNext);

        static native TemplateInstance referral(
                ReferralViews.Referral referral,
                List<ReferralViews.Step> timeline,
                Form form,
                List<SettingChoice> settingChoices);
    }

    public record StatusChoice(String value, String label) {}

    /** What the action forms hold, with the errors the service or this page found in them. */
    public record Form(
            String action,
            String reason,
            Set<String> settings,
            String maxTravelKm,
            String problem,
            Map<String, String> errors) {

        static Form empty() {
            return new Form(null, "", Set.of(), "", null, Map.of());
        }

        Form with(String problem, Map<String, String> errors) {
            return new Form(action, reason, settings, maxTravelKm, problem, errors);
        }

        public boolean hasErrors() {
            return problem != null || !errors.isEmpty();
        }

        public boolean settingChosen(String setting) {
            return settings.contains(setting);
        }

        public String error(String field) {
            return errors.get(field);
        }
    }

    public record SettingChoice(String value, String label) {}

    static final List<SettingChoice> SETTINGS = Arrays.stream(Setting.values())
            .map(s -> new SettingChoice(s.name(), Words.constant(s)))
            .toList();

    static final List<StatusChoice> STATUSES = Arrays.stream(ReferralStatus.values())
            .map(s -> new StatusChoice(s.name(), Words.status(s)))
            .toList();

    @Inject
    @RestClient
    ReferralsClient referrals;

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("1") String page) {
        String wanted = STATUSES.stream()
                .map(StatusChoice::value)
                .filter(s -> s.equals(status))
                .findFirst()
                .orElse(null);
        int number = pageNumber(page);
        List<ReferralViews.Referral> found = referrals.list(wanted, number - 1, PAGE_SIZE);
        // The service gives no total: a full page may have a next one (at worst an empty page that says so).
        boolean hasNext = found.size() == PAGE_SIZE;
        return html(200, Templates.referrals(found, wanted == null ? "" : wanted, STATUSES, number, hasNext));
    }

    @GET
    @Path("/referrals/{id}")
    public Response referral(@PathParam("id") String id) {
        return show(id, Form.empty(), 200);
    }

    @POST
    @Path("/referrals/{id}/withdrawal")
    public Response withdraw(@PathParam("id") String id, @FormParam("reason") String reason) {
        String words = reason == null ? "" : reason.strip();
        Form form = new Form("withdraw", words, Set.of(), "", null, Map.of());
        if (words.length() > 500) {
            return show(id, form.with(null, Map.of("reason", "Reason must be 500 characters or fewer")), 400);
        }
        try {
            referrals.withdraw(checked(id), new ReferralViews.Withdrawal(words.isEmpty() ? null : words));
        } catch (ClientWebApplicationException refused) {
            return refused(id, form, refused);
        }
        return Response.seeOther(URI.create("/fcp/referrals/" + id)).build();
    }

    @POST
    @Path("/referrals/{id}/reroute")
    public Response reroute(
            @PathParam("id") String id,
            @FormParam("settings") List<String> settings,
            @FormParam("maxTravelKm") String maxTravelKm) {
        Set<String> chosen = settings == null
                ? Set.of()
                : settings.stream()
                        .filter(s -> SETTINGS.stream().anyMatch(c -> c.value().equals(s)))
                        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
        String km = maxTravelKm == null ? "" : maxTravelKm.strip();
        Form form = new Form("reroute", "", chosen, km, null, Map.of());
        BigDecimal distance = null;
        if (!km.isEmpty()) {
            try {
                distance = new BigDecimal(km);
            } catch (NumberFormatException e) {
                return show(
                        id,
                        form.with(null, Map.of("maxTravelKm", "Enter how far they will travel as a number, like 10")),
                        400);
            }
        }
        ReferralViews.Preferences preferences = chosen.isEmpty() && distance == null
                ? null
                : new ReferralViews.Preferences(chosen.isEmpty() ? null : settingsOf(chosen), distance);
        try {
            referrals.reroute(checked(id), new ReferralViews.Reroute(preferences));
        } catch (ClientWebApplicationException refused) {
            return refused(id, form, refused);
        }
        return Response.seeOther(URI.create("/fcp/referrals/" + id)).build();
    }

    /** A refusal a form can explain is shown on the referral's page; a 404 or 403 is "not found". */
    private Response refused(String id, Form form, ClientWebApplicationException refused) {
        int status = refused.getResponse().getStatus();
        if (status != 400 && status != 409 && status != 422) {
            throw refused;
        }
        ApiProblem problem = ApiProblem.of(refused);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> others = new java.util.ArrayList<>();
        problem.fieldErrors().forEach((field, message) -> {
            if (FORM_FIELDS.contains(field)) {
                errors.put(field, sentence(field, message));
            } else {
                others.add(sentence(field, message));
            }
        });
        // What no field of the form can show (a conflict, a preference the form does not edit) goes above it.
        String above = errors.isEmpty() && others.isEmpty()
                ? problem.summary()
                : others.isEmpty() ? null : String.join("; ", others);
        return show(id, form.with(above, errors), status);
    }

    private Response show(String id, Form form, int status) {
        String checked = checked(id);
        ReferralViews.Referral referral = referrals.get(checked);
        List<ReferralViews.Step> timeline = referrals.timeline(checked);
        return html(status, Templates.referral(referral, timeline, form, SETTINGS));
    }

    /** An id no referral could have is not sent on to the service: it is simply not found. */
    private static String checked(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return id;
    }

    private static Set<Setting> settingsOf(Set<String> chosen) {
        EnumSet<Setting> set = EnumSet.noneOf(Setting.class);
        chosen.forEach(s -> set.add(Setting.valueOf(s)));
        return set;
    }

    /** "maxTravelKm", "must be at most 100" becomes "Distance must be at most 100". */
    static String sentence(String field, String message) {
        String label = switch (field) {
            case "maxTravelKm", "maxTravelMetres" -> "Distance";
            case "settings" -> "Settings";
            case "reason" -> "Reason";
            case "postcode" -> "Postcode";
            default -> Words.constant(field);
        };
        return label + " " + message.toLowerCase(Locale.UK).charAt(0) + message.substring(1);
    }

    static int pageNumber(String page) {
        try {
            int number = Integer.parseInt(page == null ? "1" : page.strip());
            return Math.max(1, Math.min(number, 10_000));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }
}
