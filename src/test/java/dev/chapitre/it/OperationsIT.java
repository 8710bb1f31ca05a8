package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What an operator and an API client discover without reading the code. */
class OperationsIT {

    @Test
    void readinessProvesEveryTableExists() {
        var ready = Api.anonymous().get("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        var check = Api.object(ready).getJsonArray("checks").getJsonObject(0);
        assertEquals("UP", check.getString("status"));
        for (var table : new String[] {"producer", "api_token", "podcast", "episode", "episode_chapter", "episode_person"}) {
            assertTrue(check.getJsonObject("data").containsKey(table), table + " missing in " + check);
        }
        assertEquals(200, Api.anonymous().get("/health/live").statusCode());
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
