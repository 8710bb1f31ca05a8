package dev.chapitre.security.boundary;

import dev.chapitre.platform.boundary.ClientAddress;
import dev.chapitre.platform.boundary.FormFields;
import dev.chapitre.platform.boundary.SecurityHeaders;
import dev.chapitre.platform.control.DatabaseOutage;
import dev.chapitre.platform.control.Problem;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.control.TextBytes;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.security.control.ProducerIdentityStore;
import dev.chapitre.security.control.StudioCsrf;
import dev.chapitre.security.control.TokenCredential;
import dev.chapitre.security.entity.Producer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How a request proves which producer sends it. Jakarta Security 3 allows one mechanism per
 * application, so this one serves both kinds of client:
 * <ul>
 * <li>API clients: HTTP Basic (email + password) or a bearer token on every request. Credentials
 * that do not check out get 401, protected address or not, so a client never silently acts
 * anonymously with a typo in its token.</li>
 * <li>Browsers: the studio's sign-in form opens a session (see {@link StudioSessions}) held in the
 * {@value StudioCookies#SESSION} cookie. Every unsafe request made with that cookie must carry the
 * session's CSRF token (header or form field), or it is refused with 403. A protected studio page
 * without a session redirects to the sign-in form.</li>
 * </ul>
 * Every check of a password or token goes through {@link PasswordChecks}' throttle, per account and per
 * client address: too many failures and the client waits (429 with Retry-After), whatever it sends.
 */
@ApplicationScoped
public class ProducerAuthentication implements HttpAuthenticationMechanism {

    public static final String SIGN_IN_PATH = "/studio/sign-in";
    private static final String REALM = "Chapitre";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final long DRAINED_AT_MOST = 1024 * 1024;
    /** Where web.xml sends every error (the web feature's error pages answer there). */
    private static final String ERROR_PAGE = "/error";

    /** The studio session a request came with (or has just opened), for the pages of the same request. */
    private record OpenSession(String secret) {
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    StudioSessions sessions;

    @Inject
    StudioCookies cookies;

    @Inject
    ClientAddress clients;

    @Inject
    SecurityHeaders securityHeaders;

    @Inject
    PasswordChecks passwordChecks;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        AuthenticationStatus status;
        try {
            status = authenticate(request, response, context);
        } catch (RuntimeException failure) {
            if (DatabaseOutage.causeOf(failure).isEmpty()) {
                throw failure;
            }
            securityHeaders.addTo(request, response); // the forward below commits the answer
            status = unavailable(failure, request, response, context);
        }
        if (status == AuthenticationStatus.SEND_FAILURE || status == AuthenticationStatus.SEND_CONTINUE) {
            // Answered here (401, 403, 429, the redirect to the sign-in form): no filter will see it.
            securityHeaders.addTo(request, response);
        }
        return status;
    }

    /**
     * Passwords, tokens and studio sessions live in the database. While it cannot be reached, an
     * exception escaping from here would be an empty 500 (the container's error pages do not see
     * it); instead the request goes where web.xml sends every error, which answers 503 with
     * Retry-After, as problem+json for the API and as our page for browsers.
     */
    private static AuthenticationStatus unavailable(RuntimeException outage, HttpServletRequest request, HttpServletResponse response,
                                                    HttpMessageContext context) {
        // A small body is read to its end and dropped: a client still sending it would otherwise
        // meet a closed connection instead of the answer. A large one (or one the client waits to
        // be asked for, Expect: 100-continue) is not worth reading: the connection closes after the answer.
        long length = request.getContentLengthLong();
        if (length >= 0 && length <= DRAINED_AT_MOST && request.getHeader("Expect") == null) {
            try (var body = request.getInputStream()) {
                body.transferTo(OutputStream.nullOutputStream());
            } catch (IOException | IllegalStateException clientGoneOrBodyRead) {
                // Nothing more to read: the answer goes out all the same.
            }
        } else if (length != 0) {
            response.setHeader("Connection", "close");
        }
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, outage);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        return context.forward(ERROR_PAGE);
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        var authorization = Optional.ofNullable(request.getHeader("Authorization")).map(String::trim);
        if (authorization.isPresent()) {
            return byAuthorizationHeader(authorization.get(), request, response, context);
        }
        if (isSignInAttempt(request)) {
            return signIn(request, response, context);
        }
        // The cookie goes with every request (Path=/), but it only speaks for the producer in the
        // studio, the API and media (drafts): a public form (the rating form) is not a studio change.
        var session = StudioCookies.session(request).filter(s -> isSessionAddress(request));
        if (session.isPresent()) {
            var producer = sessions.producerOf(session.get());
            if (producer.isPresent()) {
                if (!SAFE_METHODS.contains(request.getMethod()) && !StudioCsrf.matches(session.get(), presentedCsrfToken(request))) {
                    return refuse(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                            "This change does not carry the studio's CSRF token (header " + StudioCsrf.HEADER
                                    + " or form field '" + StudioCsrf.FIELD + "'). Reload the page and try again.");
                }
                request.setAttribute(OpenSession.class.getName(), new OpenSession(session.get()));
                return context.notifyContainerAboutLogin(ProducerIdentityStore.valid(producer.get()));
            }
            cookies.endSession(request, response);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isStudio(request)) {
            return toSignIn(request, response);
        }
        if (StudioCookies.session(request).isPresent() || request.getHeader(StudioCsrf.HEADER) != null) {
            // The studio's script: no Basic challenge, or the browser would open its own login box
            // (and then send Basic credentials, which carry no CSRF token, with every request).
            return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Your studio session has ended: sign in again at " + SIGN_IN_PATH + ".");
        }
        return unauthorized(response, "This address needs credentials: HTTP Basic (email and password) or a bearer token.");
    }

    private AuthenticationStatus byAuthorizationHeader(String authorization, HttpServletRequest request,
                                                       HttpServletResponse response, HttpMessageContext context) {
        Optional<Credential> credential;
        try {
            credential = credentialOf(authorization);
        } catch (ProblemException notUtf8) {
            return refuse(response, HttpServletResponse.SC_BAD_REQUEST, "Bad Request", notUtf8.getMessage());
        }
        if (credential.isEmpty()) {
            return unauthorized(response, "The Authorization header must be 'Basic base64(email:password)' or 'Bearer <token>'.");
        }
        var checked = throttled(credential.get(), request);
        if (checked.result().isEmpty()) {
            var wait = checked.waitSeconds();
            response.setHeader("Retry-After", String.valueOf(wait));
            return refuse(response, 429, "Too Many Requests", "Too many failed sign-ins from this address or for this account: "
                    + "try again in " + wait + " seconds. Until then every attempt is refused, a right password too.");
        }
        var result = checked.result().get();
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(response, credential.get() instanceof TokenCredential
                    ? "This token is unknown or has been revoked."
                    : "The email or password is wrong.");
        }
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * The sign-in form's POST. A failure is left to the sign-in page, which shows the form again
     * with the message; success opens the session and the page redirects where the producer was going.
     */
    private AuthenticationStatus signIn(HttpServletRequest original, HttpServletResponse response, HttpMessageContext context) {
        var request = FormFields.read(original);
        if (FormFields.refusal(request).isPresent()) {
            return context.doNothing(); // the sign-in page shows why
        }
        if (!StudioCookies.isSignInFormToken(request, request.getParameter(StudioCsrf.FIELD))) {
            new SignInFailure.ForeignForm().attachTo(request);
            return context.doNothing();
        }
        var email = Optional.ofNullable(request.getParameter("email")).orElse("").strip();
        var password = Optional.ofNullable(request.getParameter("password")).orElse("");
        var checked = email.isEmpty() || password.isEmpty()
                ? new PasswordChecks.Checked<>(Optional.of(CredentialValidationResult.INVALID_RESULT), 0)
                : throttled(new UsernamePasswordCredential(email, password), request);
        if (checked.result().isEmpty()) {
            new SignInFailure.Throttled(checked.waitSeconds()).attachTo(request);
            response.setHeader("Retry-After", String.valueOf(checked.waitSeconds()));
            return context.doNothing();
        }
        var result = checked.result().get();
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            new SignInFailure.WrongCredentials().attachTo(request);
            return context.doNothing();
        }
        var secret = sessions.open(result.getCallerPrincipal().getName());
        cookies.startSession(request, response, secret);
        request.setAttribute(OpenSession.class.getName(), new OpenSession(secret));
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * The identity store's verdict, or none when the throttle makes the client wait. Passwords count
     * for their account and the address, tokens (which name no account until they are found) for the address.
     */
    private PasswordChecks.Checked<CredentialValidationResult> throttled(Credential credential, HttpServletRequest request) {
        var account = credential instanceof UsernamePasswordCredential password
                ? Optional.of(Producer.normalizedEmail(password.getCaller())) : Optional.<String>empty();
        return passwordChecks.check(PasswordChecks.keys(clients.networkOf(request), account), () -> identityStores.validate(credential),
                result -> result.getStatus() != CredentialValidationResult.Status.VALID);
    }

    /** The secret of the studio session this request came with or opened. */
    static Optional<String> sessionSecretOf(HttpServletRequest request) {
        return request.getAttribute(OpenSession.class.getName()) instanceof OpenSession session
                ? Optional.of(session.secret()) : Optional.empty();
    }

    /** The token that the studio's pages put in their forms (and scripts send back), for a request with a studio session. */
    public static Optional<String> csrfTokenOf(HttpServletRequest request) {
        return sessionSecretOf(request).map(StudioCsrf::tokenFor);
    }

    /**
     * Whether {@link #validateRequest} would do nothing for this request, seen from outside it: no
     * credentials, no sign-in, no studio session where one counts, and an address that needs no
     * producer ({@code protectedAddress} false). Such a request is anonymous whatever this mechanism
     * would look up, so {@link AnonymousRequests} answers it without starting it: most of what the
     * public asks (feeds, chapters, audio, pages) is that, and starting the mechanism is the
     * costliest part of its container path. Kept here so the two cannot drift apart.
     */
    static boolean doesNothingFor(HttpServletRequest request, boolean protectedAddress) {
        return !protectedAddress && request.getHeader("Authorization") == null && !isSignInAttempt(request)
                && (!isSessionAddress(request) || StudioCookies.session(request).isEmpty());
    }

    private static boolean isSignInAttempt(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && SIGN_IN_PATH.equals(pathOf(request));
    }

    private static boolean isStudio(HttpServletRequest request) {
        var path = pathOf(request);
        return path.equals("/studio") || path.startsWith("/studio/");
    }

    private static boolean isSessionAddress(HttpServletRequest request) {
        var path = pathOf(request);
        return isStudio(request) || path.startsWith("/api/") || path.startsWith("/media/");
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String presentedCsrfToken(HttpServletRequest request) {
        var header = request.getHeader(StudioCsrf.HEADER);
        if (header != null) {
            return header;
        }
        var type = Optional.ofNullable(request.getContentType()).orElse("");
        if (type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return FormFields.read(request).getParameter(StudioCsrf.FIELD);
        }
        return null;
    }

    /** 303 to the sign-in form, which brings the producer back here afterwards (for a page they asked for). */
    private static AuthenticationStatus toSignIn(HttpServletRequest request, HttpServletResponse response) {
        var next = "GET".equals(request.getMethod()) ? pathOf(request) : "/studio";
        if (request.getQueryString() != null && "GET".equals(request.getMethod())) {
            next += "?" + request.getQueryString();
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + SIGN_IN_PATH + "?next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8));
        return AuthenticationStatus.SEND_CONTINUE;
    }

    private static Optional<Credential> credentialOf(String authorization) {
        var space = authorization.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        var scheme = authorization.substring(0, space);
        var value = authorization.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer") && !value.isEmpty()) {
            return Optional.of(new TokenCredential(value));
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            try {
                var decoded = TextBytes.decode(Base64.getDecoder().decode(value), StandardCharsets.UTF_8, Message.of("platform.text.basic"));
                var colon = decoded.indexOf(':');
                if (colon > 0) {
                    return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
                }
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
        response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
        return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, int status, String title, String detail) {
        try {
            new Problem(status, title, detail, null).writeTo(response);
        } catch (IOException clientGone) {
            // Nothing to tell a client that has left.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
