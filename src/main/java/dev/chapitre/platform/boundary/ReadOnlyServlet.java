package dev.chapitre.platform.boundary;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A public servlet that answers GET and HEAD alike, HEAD without the body (RFC 9110 §9.3.2). */
public abstract class ReadOnlyServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, true);
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve(request, response, false);
    }

    protected abstract void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException;
}
