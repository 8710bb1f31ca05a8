package dev.chapitre.web.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Puts the fingerprinted addresses of the stylesheets and scripts where every page finds them
 * ({@code ${assets['chapitre.css']}} in application scope), also the pages that other features
 * render, such as the studio's sign-in form.
 */
@WebListener
public class AssetUrls implements ServletContextListener {

    private static final String ATTRIBUTE = "assets";

    @Inject
    Assets assets;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setAttribute(ATTRIBUTE, assets.urls());
    }
}
