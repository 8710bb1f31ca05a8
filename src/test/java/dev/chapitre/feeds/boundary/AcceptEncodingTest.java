package dev.chapitre.feeds.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcceptEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "gzip, deflate, br", "br;q=1.0, GZIP;q=0.5", "x-gzip", "*", "deflate, *;q=0.1",
            "gzip ; q = 0.001"})
    void gzipIsAcceptedWhenListedWithAWeightOrCoveredByAStar(String header) {
        assertTrue(PublicDocumentsServlet.acceptsGzip(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "identity", "deflate, br", "gzip;q=0", "gzip;q=0.000", "*, gzip;q=0", "*;q=0", "gzipper"})
    void gzipIsRefusedOtherwise(String header) {
        assertFalse(PublicDocumentsServlet.acceptsGzip(header), header);
    }
}
