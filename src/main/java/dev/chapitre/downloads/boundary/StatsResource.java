package dev.chapitre.downloads.boundary;

import dev.chapitre.downloads.control.StatsCsv;
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
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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

    /** The days as a spreadsheet reads them: {@code date,downloads}, every day of the range (up to today) with its zeros. */
    @GET
    @Path("days.csv")
    @Produces(StatsCsv.MEDIA_TYPE)
    public Response showDays(@PathParam("podcast") String podcast, @QueryParam("from") String from, @QueryParam("to") String to) {
        var range = Range.of(from, to);
        return csv(StatsCsv.days(range.series(stats.ofShow(podcast, range.from(), range.to()))), podcast + "-downloads.csv");
    }

    /** Each episode's first 7 and 30 days and its total, newest first: episodes of unequal age side by side. */
    @GET
    @Path("episodes")
    public JsonObject episodes(@PathParam("podcast") String podcast) {
        var list = Json.createArrayBuilder();
        stats.launches(podcast, Range.today()).forEach(launch -> {
            var episode = Json.createObjectBuilder().add("slug", launch.slug()).add("title", launch.title()).add("total", launch.total());
            launch.publishedAt().ifPresent(at -> episode.add("publishedAt", at.toString()));
            launch.first7Days().ifPresent(n -> episode.add("first7Days", n));
            launch.first30Days().ifPresent(n -> episode.add("first30Days", n));
            list.add(episode);
        });
        return Json.createObjectBuilder().add("episodes", list).build();
    }

    @GET
    @Path("episodes.csv")
    @Produces(StatsCsv.MEDIA_TYPE)
    public Response episodesCsv(@PathParam("podcast") String podcast) {
        var columns = new LinkedHashMap<String, Function<DownloadStats.Launch, Optional<?>>>();
        columns.put("episode", launch -> Optional.of(launch.slug()));
        columns.put("title", launch -> Optional.of(launch.title()));
        columns.put("published", launch -> launch.publishedAt().map(Object::toString));
        columns.put("first_7_days", DownloadStats.Launch::first7Days);
        columns.put("first_30_days", DownloadStats.Launch::first30Days);
        columns.put("total", launch -> Optional.of(launch.total()));
        return csv(StatsCsv.table(stats.launches(podcast, Range.today()), columns), podcast + "-episodes.csv");
    }

    static Response csv(String body, String fileName) {
        return Response.ok(body, StatsCsv.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    static JsonObject json(DownloadStats.Counts counts) {
        var days = Json.createArrayBuilder();
        counts.days().forEach(day -> days.add(Json.createObjectBuilder().add("date", day.date().toString()).add("downloads", day.downloads())));
        var apps = Json.createObjectBuilder();
        counts.apps().forEach(apps::add);
        return Json.createObjectBuilder().add("total", counts.total()).add("days", days).add("apps", apps).build();
    }

    /** The days asked for: {@code fromGiven} false when the client named no first day (then: since the first download). */
    record Range(LocalDate from, LocalDate to, boolean fromGiven) {

        private static final LocalDate EARLIEST = DownloadStats.FIRST_DAY;
        private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

        static LocalDate today() {
            return LocalDate.now(ZoneOffset.UTC);
        }

        /** Every day of the range that can have downloads: from the first one (when no 'from' was given), up to today. */
        Map<LocalDate, Long> series(DownloadStats.Counts counts) {
            var last = to.isAfter(today()) ? today() : to;
            var first = fromGiven ? from : counts.firstDay().orElse(last);
            return first.isAfter(last) ? Map.of() : counts.everyDay(first, last);
        }

        static Range of(String from, String to) {
            var range = new Range(date("from", from, EARLIEST), date("to", to, LATEST), from != null && !from.isBlank());
            if (range.from().isAfter(range.to())) {
                throw ProblemException.unprocessable("downloads.range.reversed", from, to);
            }
            return range;
        }

        private static LocalDate date(String name, String value, LocalDate otherwise) {
            if (value == null || value.isBlank()) {
                return otherwise;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw ProblemException.unprocessable("downloads.date.format", name, value);
            }
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                throw ProblemException.unprocessable("downloads.date.range", name, EARLIEST, LATEST, value);
            }
            return date;
        }
    }
}
