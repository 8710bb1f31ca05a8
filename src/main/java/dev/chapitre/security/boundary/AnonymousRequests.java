package dev.chapitre.security.boundary;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.MessagePolicy;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.security.auth.message.module.ServerAuthModule;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * Anonymous requests are answered as anonymous before Jakarta Security is started for them.
 * Soteria's bridge to {@link ProducerAuthentication} looks the mechanism up through JNDI twice for
 * every request (a new {@code InitialContext} each time, nothing cached in the version Payara
 * bundles): a fifth of the CPU of a feed's 304. Most public requests carry no credentials at all,
 * and for them the mechanism would do nothing ({@link ProducerAuthentication#doesNothingFor}); this
 * module says so itself and hands every other request to Soteria unchanged. Standard Jakarta
 * Authentication 3.0: at start it takes Soteria's registration for this application and registers
 * itself in its place, keeping Soteria's as its delegate. If Soteria registered nothing (it would
 * then have changed how it starts), nothing changes and the log says so.
 */
@WebListener
public class AnonymousRequests implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(AnonymousRequests.class.getName());
    private static final String LAYER = "HttpServlet";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var context = event.getServletContext();
        var factory = AuthConfigFactory.getFactory();
        var appContext = context.getVirtualServerName() + " " + context.getContextPath();
        var soteria = factory.getConfigProvider(LAYER, appContext, null);
        if (soteria == null) {
            LOG.warning("No Jakarta Security module is registered for " + appContext + ": every request starts the mechanism");
            return;
        }
        factory.registerServerAuthModule(new AnonymousFirst(soteria, appContext), context);
    }

    /** The module the container calls for every request. */
    static final class AnonymousFirst implements ServerAuthModule {

        /** Set by the container: whether the address needs an authenticated caller (Jakarta Authentication's servlet profile). */
        private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";
        private static final String ANSWERED_HERE = AnonymousFirst.class.getName();

        private final AuthConfigProvider soteria;
        private final String appContext;
        private volatile CallbackHandler handler;
        private volatile ServerAuthContext delegate;

        AnonymousFirst(AuthConfigProvider soteria, String appContext) {
            this.soteria = soteria;
            this.appContext = appContext;
        }

        /** Payara calls this for every request, with the application's one handler: the delegate is made once. */
        @Override
        public void initialize(MessagePolicy requestPolicy, MessagePolicy responsePolicy, CallbackHandler handler,
                               @SuppressWarnings("rawtypes") Map options) throws AuthException {
            if (handler != this.handler || delegate == null) {
                delegate = soteria.getServerAuthConfig(LAYER, appContext, handler).getAuthContext(null, null, Map.of());
                this.handler = handler;
            }
        }

        @Override
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
            boolean mandatory = Boolean.parseBoolean(String.valueOf(message.getMap().get(MANDATORY)));
            if (message.getRequestMessage() instanceof HttpServletRequest request
                    && ProducerAuthentication.doesNothingFor(request, mandatory)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = message.getMap();
                map.put(ANSWERED_HERE, Boolean.TRUE);
                return AuthStatus.SUCCESS; // what Soteria answers for the mechanism's doNothing(): no caller
            }
            return delegate.validateRequest(message, client, service);
        }

        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
            return message.getMap().containsKey(ANSWERED_HERE) ? AuthStatus.SEND_SUCCESS : delegate.secureResponse(message, service);
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
            delegate.cleanSubject(message, subject);
        }

        @Override
        public Class<?>[] getSupportedMessageTypes() {
            return new Class<?>[] {HttpServletRequest.class, HttpServletResponse.class};
        }
    }
}
