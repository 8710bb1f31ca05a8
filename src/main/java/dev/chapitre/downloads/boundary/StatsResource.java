package dev.chapitre.downloads.boundary;

import dev.chapitre.platform.control.ProblemException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A show's download statistics: {@code ?from=2026-11-01&to=2026-11-30} bound the days (UTC, inclusive). */
@Path("podcasts/{podcast}/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    DownloadStats stats;

    @GET
    public JsonObject show(@PathParam("podcast") String podcast, @QueryParam("from") String from, @QueryParam("to") String to) {
        var range = Range.of(from, to);
        return json(stats.ofShow(podcast, range.from(), range.to()));
    }

    static JsonObject json(DownloadStats.Counts counts) {
        var days = Json.createArrayBuilder();
        counts.days().forEach(day -> days.add(Json.createObjectBuilder().add("date", day.date().toString()).add("downloads", day.downloads())));
        var apps = Json.createObjectBuilder();
        counts.apps().forEach(apps::add);
        return Json.createObjectBuilder().add("total", counts.total()).add("days", days).add("apps", apps).build();
    }

    record Range(LocalDate from, LocalDate to) {
        static Range of(String from, String to) {
            var range = new Range(date("from", from, LocalDate.of(2000, 1, 1)), date("to", to, LocalDate.of(9999, 12, 31)));
            if (range.from().isAfter(range.to())) {
                throw ProblemException.unprocessable("'from' (" + from + ") is after 'to' (" + to + ").");
            }
            return range;
        }

        private static LocalDate date(String name, String value, LocalDate otherwise) {
            if (value == null || value.isBlank()) {
                return otherwise;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw ProblemException.unprocessable("'" + name + "' must be a date like 2026-11-22, not '" + value + "'.");
            }
        }
    }
}
