package dev.chapitre.platform.control;

import dev.chapitre.platform.entity.Message;
import java.util.Optional;

/**
 * Bounds on a client's JSON checked before a parser sees it: nesting depth and number length.
 * Nothing we read nests deeper than a few levels or needs more than 17 significant digits, and
 * parsers answer deeper or longer input with errors of their own (or slow arithmetic).
 */
public final class JsonLimits {

    public static final int MAX_DEPTH = 64;
    public static final int MAX_NUMBER_LENGTH = 100;

    private JsonLimits() {
    }

    /** Why the text breaks a limit, or empty: its syntax is left to the parser. */
    public static Optional<Message> broken(String json) {
        int depth = 0;
        boolean inString = false;
        int numberLength = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (isNumberCharacter(c)) {
                if (++numberLength > MAX_NUMBER_LENGTH) {
                    return Optional.of(Message.of("platform.json.longNumber", i + 1, MAX_NUMBER_LENGTH));
                }
                continue;
            }
            numberLength = 0;
            if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return Optional.of(Message.of("platform.json.deep", MAX_DEPTH, i + 1));
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return Optional.empty();
    }

    private static boolean isNumberCharacter(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }
}
