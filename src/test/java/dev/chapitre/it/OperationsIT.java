package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What an operator and an API client discover without reading the code. */
class OperationsIT {

    @Test
    void readinessTellsTheWorldOnlyUpOrDown() {
        var ready = Api.anonymous().get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        var json = Api.object(ready);
        assertEquals("UP", json.getString("status"));
        for (var check : json.getJsonArray("checks")) {
            assertEquals("UP", check.asJsonObject().getString("status"));
            var data = check.asJsonObject().getJsonObject("data");
            assertTrue(data == null || data.isEmpty(), "no counts or paths for strangers: " + check);
        }
        assertFalse(ready.body().contains("producer"), ready.body());
        assertEquals(200, Api.anonymous().get("/health/live").statusCode());
    }

    @Test
    void theAdminSeesWhatReadinessCheckedEveryTableAndTheMediaFolder() {
        var details = Api.admin().get("/api/admin/health");
        assertEquals(200, details.statusCode(), details.body());
        var json = Api.object(details);
        assertEquals("UP", json.getString("status"));
        var database = json.getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        for (var table : new String[] {"producer", "api_token", "podcast", "episode", "episode_chapter", "episode_person"}) {
            assertTrue(database.getJsonObject("data").containsKey(table), table + " missing in " + database);
        }
        assertTrue(database.getJsonObject("data").getJsonNumber("producer").longValue() >= 1, "at least the admin");
        assertTrue(details.body().contains("\"media\""), details.body());

        assertEquals(403, Api.newProducer().get("/api/admin/health").statusCode(), "only the admin");
        assertEquals(401, Api.anonymous().get("/api/admin/health").statusCode());
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        var openapi = Api.anonymous().get("/openapi");
        assertEquals(200, openapi.statusCode());
        for (var path : new String[] {"/api/podcasts", "/api/podcasts/{podcast}/episodes", "/api/podcasts/{podcast}/episodes/{episode}/chapters", "/api/tokens", "/api/producers"}) {
            assertTrue(openapi.body().contains(path + ":"), path + " not in the OpenAPI document");
        }
    }

    @Test
    void unknownAddressesAndMethodsAreProblems() {
        var unknown = Api.admin().get("/api/nothing-here");
        assertEquals(404, unknown.statusCode());
        assertEquals("application/problem+json", unknown.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        var wrongMethod = Api.admin().send("PUT", "/api/podcasts", "application/json", "{}");
        assertEquals(405, wrongMethod.statusCode());
        var wrongType = Api.admin().send("POST", "/api/podcasts", "text/csv", "a,b");
        assertEquals(415, wrongType.statusCode());
    }
}
