package uk.nhs.pathways.web.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import uk.nhs.pathways.web.support.SignedInUser;

/**
 * The commissioner's and ICS analyst's dashboard: four charts of their own ICB's figures, each with its table
 * and its CSV. A GET form chooses the period; the page reads without JavaScript (the tables).
 */
@Path("/dashboard")
@RolesAllowed({SignedInUser.COMMISSIONER, SignedInUser.ANALYST})
public class DashboardResource {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @CheckedTemplate(requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance dashboard(
                List<Period> periods, String chosen, Period period, String error, List<Chart> charts);
    }

    @Inject
    DashboardCharts charts;

    @Inject
    SignedInUser user;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("period") String value) {
        LocalDate today = LocalDate.now(ENGLAND);
        List<Period> periods = Period.choices(today);
        Optional<Period> period = Period.parse(value, today);
        if (period.isEmpty()) {
            return html(400, Templates.dashboard(periods, value, null, "Choose a period from the list", List.of()));
        }
        List<Chart> shown = DashboardCharts.NAMES.stream()
                .map(name -> charts.chart(name, period.get(), today))
                .toList();
        return html(200, Templates.dashboard(periods, period.get().value(), period.get(), null, shown));
    }

    @GET
    @Path("/{chart: [a-z]+}.csv")
    @Produces(Csv.MEDIA_TYPE)
    public Response csv(@PathParam("chart") String name, @QueryParam("period") String value) {
        if (!DashboardCharts.NAMES.contains(name)) {
            throw new NotFoundException();
        }
        LocalDate today = LocalDate.now(ENGLAND);
        Optional<Period> period = Period.parse(value, today);
        if (period.isEmpty()) {
            return Response.status(400)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("Unknown period: use one of the dashboard's periods, e.g. " + Period.LAST_12_MONTHS)
                    .build();
        }
        Chart chart = charts.chart(name, period.get(), today);
        String file =
                name + "-" + period.get().value() + "-" + user.organisation().replaceAll("[^A-Za-z0-9-]", "") + ".csv";
        return Response.ok(chart.table().csv())
                .type(Csv.MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }
}
