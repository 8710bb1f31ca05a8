package dev.chapitre.security.boundary;

import dev.chapitre.platform.boundary.FormFields;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The studio's sign-in form and sign-out button. The authentication mechanism has already judged
 * the POST when it arrives here (see {@link ProducerAuthentication}): this page redirects a
 * producer who is signed in now, and shows the form again with the {@link SignInFailure} otherwise.
 * Exact paths, so they win over the studio's {@code /studio/*}.
 */
@WebServlet({ProducerAuthentication.SIGN_IN_PATH, SignInServlet.SIGN_OUT_PATH})
public class SignInServlet extends HttpServlet {

    static final String SIGN_OUT_PATH = "/studio/sign-out";
    private static final String FORM = "/WEB-INF/pages/studio/sign-in.jsp";

    @Inject
    StudioSessions sessions;

    @Inject
    StudioCookies cookies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (!isSignIn(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND); // signing out takes the form's POST
            return;
        }
        if (request.getUserPrincipal() != null) {
            redirect(response, nextOf(request));
            return;
        }
        signInForm(request, response, HttpServletResponse.SC_OK, Optional.empty(), 0);
    }

    @Override
    protected void doPost(HttpServletRequest original, HttpServletResponse response) throws ServletException, IOException {
        var request = FormFields.read(original);
        if (!isSignIn(request)) {
            // The authentication mechanism has already checked the CSRF token of this form.
            ProducerAuthentication.sessionSecretOf(request).ifPresent(sessions::end);
            cookies.endSession(request, response);
            redirect(response, ProducerAuthentication.SIGN_IN_PATH);
            return;
        }
        if (request.getUserPrincipal() != null) {
            redirect(response, nextOf(request));
            return;
        }
        var refusal = FormFields.refusal(request);
        if (refusal.isPresent()) {
            signInForm(request, response, refusal.get().status(), Optional.of(refusal.get().status() == 413
                    ? "signIn.error.tooLarge" : "signIn.error.notUtf8"), 0);
            return;
        }
        var failure = SignInFailure.of(request).orElseGet(SignInFailure.WrongCredentials::new);
        // A throttled sign-in: Retry-After is already set by the authentication mechanism.
        signInForm(request, response, failure.status(), Optional.of(failure.messageKey()), failure.messageArgument());
    }

    /** The form, with what went wrong as the studio bundle's key {@code error} and the number it names. */
    private void signInForm(HttpServletRequest request, HttpServletResponse response, int status, Optional<String> error,
                            long errorArgument) throws ServletException, IOException {
        request.setAttribute("signInToken", cookies.issueSignInFormToken(request, response));
        request.setAttribute("next", nextOf(request));
        request.setAttribute("email", Optional.ofNullable(request.getParameter("email")).orElse(""));
        request.setAttribute("error", error.orElse(""));
        request.setAttribute("errorArgument", errorArgument);
        request.setAttribute("data", "{}");
        response.setStatus(status);
        response.setContentType("text/html; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        request.getRequestDispatcher(FORM).forward(request, response);
    }

    private static boolean isSignIn(HttpServletRequest request) {
        return ProducerAuthentication.SIGN_IN_PATH.equals(request.getServletPath());
    }

    /** Where to go after signing in: a studio address only, never another site. */
    private static String nextOf(HttpServletRequest request) {
        var next = Optional.ofNullable(request.getParameter("next")).orElse("/studio");
        var local = (next.equals("/studio") || next.startsWith("/studio/") || next.startsWith("/studio?"))
                && !next.contains("\\") && next.chars().noneMatch(Character::isISOControl);
        return local ? next : "/studio";
    }

    private static void redirect(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
    }
}
