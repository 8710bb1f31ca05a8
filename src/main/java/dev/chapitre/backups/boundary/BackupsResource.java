package dev.chapitre.backups.boundary;

import dev.chapitre.platform.control.ProblemException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code POST /api/admin/backups} answers the archive itself ({@code ?media=true}: with the media
 * files); {@code POST /api/admin/restores} takes one ({@code Content-Type: application/zip}) and
 * says what it restored. Both for the admin.
 */
@Path("admin")
public class BackupsResource {

    static final String ZIP = "application/zip";
    private static final int LISTED_MISSING = 20;

    @Inject
    Backups backups;

    @POST
    @Path("backups")
    @Produces(ZIP)
    public Response backup(@QueryParam("media") String media) {
        var withMedia = Optional.ofNullable(media).orElse("false");
        if (!withMedia.equals("true") && !withMedia.equals("false")) {
            throw ProblemException.badRequest("backups.media.parameter");
        }
        var archive = backups.backup(withMedia.equals("true"));
        StreamingOutput body = out -> {
            try {
                archive.writing().to(out);
            } catch (SQLException e) {
                // The status is sent: the client sees a broken transfer, and the archive lacks its manifest.
                throw new IOException("The backup could not be completed: " + e.getMessage(), e);
            }
        };
        return Response.ok(body, ZIP).header("Content-Disposition", "attachment; filename=\"" + archive.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("restores")
    @Consumes({ZIP, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject restore(InputStream archive) throws IOException, SQLException {
        return describe(backups.restore(archive));
    }

    private static JsonObject describe(Backups.Restored restored) {
        var rows = Json.createObjectBuilder();
        restored.rows().forEach(rows::add);
        var missing = Json.createArrayBuilder();
        restored.mediaMissing().stream().limit(LISTED_MISSING).forEach(missing::add);
        var manifest = restored.manifest();
        return Json.createObjectBuilder()
                .add("backupCreatedAt", manifest.createdAt().toString())
                .add("backupDatabase", manifest.database())
                .add("rows", rows)
                .add("media", Json.createObjectBuilder()
                        .add("listed", manifest.media().size())
                        .add("restored", restored.mediaRestored())
                        .add("missing", restored.mediaMissing().size())
                        .add("firstMissing", missing))
                .build();
    }
}
