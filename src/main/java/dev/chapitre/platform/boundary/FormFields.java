package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.control.RequestBodies;
import dev.chapitre.platform.control.TextBytes;
import dev.chapitre.platform.entity.Message;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of our HTML forms (url-encoded), read by us instead of the container: the container
 * answers a body over its limit with an exception page and replaces bytes that are not UTF-8 with
 * U+FFFD without a word. Here a body over {@link #MAX_BYTES} or text that is not UTF-8 gives a
 * {@link Refusal} the page can show, and the request then has no parameters at all. Read once per
 * request (the mechanism that signs in and the page that answers see the same fields).
 */
public final class FormFields {

    /** Our forms hold a rating comment or an email and password: far less. */
    public static final int MAX_BYTES = 64 * 1024;
    private static final String ATTRIBUTE = FormFields.class.getName();

    /** Why the form was not read: a status and the message key of the pages (error.*). */
    public record Refusal(int status, String messageKey, String detail) {
    }

    private record Read(Map<String, String[]> fields, Optional<Refusal> refusal) {
    }

    private FormFields() {
    }

    /** The request whose parameters are the strictly read query and form fields. */
    public static HttpServletRequest read(HttpServletRequest request) {
        var read = (Read) request.getAttribute(ATTRIBUTE);
        if (read == null) {
            read = parse(request);
            request.setAttribute(ATTRIBUTE, read);
        }
        var fields = read.fields();
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                return Optional.ofNullable(fields.get(name)).map(values -> values[0]).orElse(null);
            }

            @Override
            public String[] getParameterValues(String name) {
                return Optional.ofNullable(fields.get(name)).map(String[]::clone).orElse(null);
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return Collections.unmodifiableMap(fields);
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(fields.keySet());
            }
        };
    }

    /** Whether the form of this request was refused (after {@link #read}). */
    public static Optional<Refusal> refusal(HttpServletRequest request) {
        return Optional.ofNullable((Read) request.getAttribute(ATTRIBUTE)).flatMap(Read::refusal);
    }

    /** A field holding a whole number, read leniently as a person types it (" 4 "); empty for anything else. */
    public static Optional<Integer> wholeNumber(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Read parse(HttpServletRequest request) {
        var fields = new LinkedHashMap<String, List<String>>();
        try {
            decode(Optional.ofNullable(request.getQueryString()).orElse(""), fields);
            var type = Optional.ofNullable(request.getContentType()).orElse("").toLowerCase(Locale.ROOT);
            if (type.startsWith("application/x-www-form-urlencoded")) {
                decode(body(request), fields);
            }
        } catch (Refused refused) {
            drain(request);
            return new Read(Map.of(), Optional.of(refused.refusal));
        }
        var arrays = new LinkedHashMap<String, String[]>();
        fields.forEach((name, values) -> arrays.put(name, values.toArray(String[]::new)));
        return new Read(arrays, Optional.empty());
    }

    private static String body(HttpServletRequest request) throws Refused {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        try {
            var bytes = request.getInputStream().readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge();
            }
            return utf8(bytes, Message.of("platform.text.form"));
        } catch (IOException e) {
            throw new Refused(new Refusal(400, "error.badRequest", "The form did not arrive whole."));
        }
    }

    /** application/x-www-form-urlencoded: name=value pairs, '+' for space, %XX for UTF-8 bytes. */
    static void decode(String encoded, Map<String, List<String>> into) throws Refused {
        for (var pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            var name = unescape(equals < 0 ? pair : pair.substring(0, equals));
            var value = equals < 0 ? "" : unescape(pair.substring(equals + 1));
            into.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
        }
    }

    private static String unescape(String text) throws Refused {
        var bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new Refused(new Refusal(400, "error.badRequest", "The form has a '%' that is not followed by two hexadecimal digits."));
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                var raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return utf8(bytes.toByteArray(), Message.of("platform.text.formField"));
    }

    private static String utf8(byte[] bytes, Message what) throws Refused {
        try {
            return TextBytes.decode(bytes, StandardCharsets.UTF_8, what);
        } catch (ProblemException notText) {
            throw new Refused(new Refusal(400, "error.encoding", notText.getMessage()));
        }
    }

    private static Refused tooLarge() {
        return new Refused(new Refusal(413, "error.tooLarge", "The form is larger than " + MAX_BYTES / 1024 + " KiB."));
    }

    private static void drain(HttpServletRequest request) {
        try {
            RequestBodies.drain(request.getInputStream());
        } catch (IOException | IllegalStateException gone) {
            // Nothing left to read.
        }
    }

    private static final class Refused extends Exception {
        private final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.detail(), null, false, false);
            this.refusal = refusal;
        }
    }
}
