package dev.chapitre.web.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The pages as the build compiled them (src/build/precompile-pages.sh): each JSP's servlet is mapped
 * to the JSP's own address, which the servlets forward to, so that the container never compiles a
 * page on its first request after a start. A build without them (an IDE's) leaves the container's
 * JSP compiler in charge, as before.
 */
@WebListener
public class PrecompiledPages implements ServletContextListener {

    static final String LIST = "/WEB-INF/precompiled-pages.properties";
    private static final Logger LOG = Logger.getLogger(PrecompiledPages.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var context = event.getServletContext();
        try (var list = context.getResourceAsStream(LIST)) {
            if (list == null) {
                LOG.info("The pages are not precompiled: each is compiled on its first request.");
                return;
            }
            var pages = new Properties();
            pages.load(new InputStreamReader(list, StandardCharsets.UTF_8));
            pages.stringPropertyNames().forEach(page -> {
                var servlet = pages.getProperty(page);
                var registration = context.addServlet(servlet, servlet);
                registration.addMapping(page);
                registration.setLoadOnStartup(1); // made and initialised with the application, not by its first visitor
            });
            LOG.fine(() -> pages.size() + " precompiled pages");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
