package dev.chapitre.web.boundary;

import dev.chapitre.platform.boundary.ConditionalRequests;
import dev.chapitre.platform.boundary.ReadOnlyServlet;
import dev.chapitre.platform.control.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** {@code /static/{name}.{hash}.{ext}} and the studio's {@code /static/studio.{hash}/{module}.js}: immutable, cached for a year. */
@WebServlet("/static/*")
public class AssetsServlet extends ReadOnlyServlet {

    @Inject
    Assets assets;

    @Override
    protected void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
        var name = Optional.ofNullable(request.getPathInfo()).map(path -> path.substring(1)).orElse("");
        var asset = assets.byFingerprintedName(name);
        if (asset.isEmpty()) {
            new Problem(HttpServletResponse.SC_NOT_FOUND, "Not Found", "There is no asset '" + name + "'.", null).writeTo(response);
            return;
        }
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setHeader("ETag", asset.get().etag());
        response.setDateHeader("Last-Modified", asset.get().modifiedMillis());
        if (ConditionalRequests.isNotModified(request, List.of(asset.get().etag()), asset.get().modifiedMillis())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(asset.get().contentType());
        response.setContentLength(asset.get().bytes().length);
        if (withBody) {
            response.getOutputStream().write(asset.get().bytes());
        }
    }
}
