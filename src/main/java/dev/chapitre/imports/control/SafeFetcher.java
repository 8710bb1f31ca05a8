package dev.chapitre.imports.control;

import dev.chapitre.platform.entity.Message;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Fetches what a foreign feed names, as carefully as a server that fetches for its users must:
 * http and https only; every address the host name resolves to checked by {@link AddressPolicy}
 * (with the operator's {@link PrivateAllowance})
 * before connecting, on the first request and on every redirect (at most {@value #MAX_REDIRECTS},
 * followed here, not by the HTTP client); no proxy, so the address checked is the one connected
 * to; connect and idle timeouts, and an overall deadline for documents; size limits checked on the
 * declared length and again while reading.
 * <p>
 * The HTTP client looks the name up again when it connects; the JVM caches each lookup (30 s by
 * default, {@code networkaddress.cache.ttl}), so that lookup is answered from the cache with the
 * addresses just checked, and a DNS answer that changes in between (rebinding) is not seen. An
 * operator who sets that TTL to 0 loses this guard (see docs/operations.md).
 */
public final class SafeFetcher {

    public static final int MAX_REDIRECTS = 5;
    static final int CONNECT_TIMEOUT_MS = 10_000;
    static final int IDLE_TIMEOUT_MS = 30_000;
    static final String USER_AGENT = "Chapitre/1.0 (podcast import; +https://github.com/chapitre/chapitre)";

    /** An answer whose body is still to be read; close it. */
    public record Response(URI uri, String contentType, OptionalLong length, InputStream body) implements AutoCloseable {
        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // the connection goes anyway
            }
        }
    }

    private final PrivateAllowance allowance;

    public SafeFetcher(PrivateAllowance allowance) {
        this.allowance = allowance;
    }

    /** The body of {@code address}, at most {@code maxBytes}, read within {@code deadline}. */
    public byte[] fetch(String address, long maxBytes, Duration deadline) throws FetchFailed {
        long until = System.nanoTime() + deadline.toNanos();
        try (var response = open(address)) {
            refuseDeclaredOversize(response, maxBytes);
            var out = new ByteArrayOutputStream();
            var buffer = new byte[16 * 1024];
            for (int n; (n = response.body().read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > maxBytes) {
                    throw new FetchFailed(Message.of("imports.fetch.tooLarge", address, maxBytes), false);
                }
                if (System.nanoTime() > until) {
                    throw new FetchFailed(Message.of("imports.fetch.deadline", address, deadline.toSeconds()), false);
                }
            }
            return out.toByteArray();
        } catch (SocketTimeoutException e) {
            throw new FetchFailed(Message.of("imports.fetch.idle", address, IDLE_TIMEOUT_MS / 1000), false);
        } catch (IOException e) {
            throw new FetchFailed(Message.of("imports.fetch.readFailed", address, String.valueOf(e.getMessage())), false);
        }
    }

    /** Fails when the declared length is over {@code maxBytes}; the reader still counts. */
    public static void refuseDeclaredOversize(Response response, long maxBytes) throws FetchFailed {
        if (response.length().isPresent() && response.length().getAsLong() > maxBytes) {
            throw new FetchFailed(Message.of("imports.fetch.declaredTooLarge", response.uri(), response.length().getAsLong(), maxBytes),
                    false);
        }
    }

    /** A successful (2xx) answer of {@code address} after any redirects, its body unread. */
    public Response open(String address) throws FetchFailed {
        var uri = parse(address);
        for (int redirects = 0; ; redirects++) {
            check(uri);
            HttpURLConnection connection = null;
            int status;
            try {
                connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
                connection.setInstanceFollowRedirects(false);
                connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
                connection.setReadTimeout(IDLE_TIMEOUT_MS);
                connection.setRequestProperty("User-Agent", USER_AGENT);
                connection.setRequestProperty("Accept-Encoding", "identity");
                status = connection.getResponseCode();
            } catch (SocketTimeoutException e) {
                disconnect(connection);
                throw new FetchFailed(Message.of("imports.fetch.noAnswer", uri.getHost(), CONNECT_TIMEOUT_MS / 1000), false);
            } catch (IOException | IllegalArgumentException e) {
                disconnect(connection);
                throw new FetchFailed(Message.of("imports.fetch.unreachable", uri, String.valueOf(e.getMessage())), false);
            }
            if (status >= 200 && status < 300) {
                long length = connection.getContentLengthLong();
                try {
                    return new Response(uri, Optional.ofNullable(connection.getContentType()).orElse(""),
                            length >= 0 ? OptionalLong.of(length) : OptionalLong.empty(), disconnecting(connection));
                } catch (IOException e) {
                    disconnect(connection);
                    throw new FetchFailed(Message.of("imports.fetch.readFailed", uri, String.valueOf(e.getMessage())), false);
                }
            }
            var location = connection.getHeaderField("Location");
            connection.disconnect();
            if (status >= 300 && status < 400 && location != null) {
                if (redirects == MAX_REDIRECTS) {
                    throw new FetchFailed(Message.of("imports.fetch.redirects", address, MAX_REDIRECTS), false);
                }
                try {
                    uri = uri.resolve(new URI(location.strip()));
                } catch (URISyntaxException e) {
                    throw new FetchFailed(Message.of("imports.fetch.badRedirect", uri, location), false);
                }
                continue;
            }
            throw new FetchFailed(answered(uri, status), false);
        }
    }

    /** "… answered 404 Not Found.", with what the status means for the producer when it tells them something. */
    private static Message answered(URI uri, int status) {
        return switch (status) {
            case 401, 403 -> Message.of("imports.fetch.status.refused", uri, status);
            case 404 -> Message.of("imports.fetch.status.notFound", uri, status);
            case 410 -> Message.of("imports.fetch.status.gone", uri, status);
            case 429 -> Message.of("imports.fetch.status.tooMany", uri, status);
            default -> status >= 500 ? Message.of("imports.fetch.status.hostProblem", uri, status)
                    : Message.of("imports.fetch.status", uri, status);
        };
    }

    static URI parse(String address) throws FetchFailed {
        URI uri;
        try {
            uri = new URI(address == null ? "" : address.strip());
        } catch (URISyntaxException e) {
            throw new FetchFailed(Message.of("imports.fetch.notAddress", address), true);
        }
        return uri;
    }

    private void check(URI uri) throws FetchFailed {
        var scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchFailed(Message.of("imports.fetch.scheme", uri), true);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new FetchFailed(uri.getRawUserInfo() != null ? Message.of("imports.fetch.noHostOrPassword", uri)
                    : Message.of("imports.fetch.noHost", uri), true);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new FetchFailed(Message.of("imports.fetch.unknownHost", uri.getHost()), false);
        }
        for (var address : addresses) {
            var why = allowance.whyRefused(address);
            if (why.isPresent()) {
                throw new FetchFailed(Message.of("imports.fetch.notPublic", uri.getHost(), why.get(), address.getHostAddress()), true);
            }
        }
    }

    private static void disconnect(HttpURLConnection connection) {
        if (connection != null) {
            connection.disconnect();
        }
    }

    private static InputStream disconnecting(HttpURLConnection connection) throws IOException {
        return new FilterInputStream(connection.getInputStream()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    connection.disconnect();
                }
            }
        };
    }
}
