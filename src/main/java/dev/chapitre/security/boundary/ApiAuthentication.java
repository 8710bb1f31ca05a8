package dev.chapitre.security.boundary;

import dev.chapitre.platform.control.Problem;
import dev.chapitre.security.control.TokenCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Stateless API authentication: HTTP Basic (email + password) or a bearer token on every request.
 * Any request with credentials that do not check out gets 401, protected or not, so a client
 * never silently acts anonymously with a typo in its token.
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    private static final String REALM = "Chapitre";

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        var authorization = Optional.ofNullable(request.getHeader("Authorization")).map(String::trim);
        if (authorization.isEmpty()) {
            return context.isProtected()
                    ? unauthorized(response, "This address needs credentials: HTTP Basic (email and password) or a bearer token.")
                    : context.doNothing();
        }
        var credential = credentialOf(authorization.get());
        if (credential.isEmpty()) {
            return unauthorized(response, "The Authorization header must be 'Basic base64(email:password)' or 'Bearer <token>'.");
        }
        var result = identityStores.validate(credential.get());
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(response, credential.get() instanceof TokenCredential
                    ? "This token is unknown or has been revoked."
                    : "The email or password is wrong.");
        }
        return context.notifyContainerAboutLogin(result);
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
                var decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
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
        try {
            new Problem(HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail, null).writeTo(response);
        } catch (IOException clientGone) {
            // Nothing to tell a client that has left.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
