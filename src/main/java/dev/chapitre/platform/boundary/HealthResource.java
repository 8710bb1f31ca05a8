package dev.chapitre.platform.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** {@code GET /api/admin/health}: what {@code /health/ready} does not tell the public, for the admin. */
@Path("admin/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    ReadinessProbes probes;

    @GET
    public Response details() {
        var findings = probes.details();
        var checks = Json.createArrayBuilder();
        findings.forEach(finding -> checks.add(describe(finding)));
        var up = findings.stream().allMatch(f -> f.getStatus() == HealthCheckResponse.Status.UP);
        var body = Json.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", checks).build();
        return Response.status(up ? 200 : 503).entity(body).build();
    }

    private static JsonObject describe(HealthCheckResponse finding) {
        var data = Json.createObjectBuilder();
        finding.getData().ifPresent(map -> map.forEach((key, value) -> {
            if (value instanceof Number number) {
                data.add(key, number.longValue());
            } else if (value instanceof Boolean flag) {
                data.add(key, flag);
            } else {
                data.add(key, String.valueOf(value));
            }
        }));
        return Json.createObjectBuilder().add("name", finding.getName()).add("status", finding.getStatus().name())
                .add("data", data).build();
    }
}
