package io.gridpulse.domain.codec;

import com.fasterxml.jackson.databind.JsonNode;

/** Wording of rejection details. Details quote input only through {@link #quote}, which masks phone numbers. */
final class Details {

    private static final int QUOTE_LIMIT = 60;

    private Details() {}

    /** "a string", "a number", ...: what a field was instead of what it should be. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        if (node.isNull()) return "null";
        if (node.isTextual()) return "a string";
        if (node.isNumber()) return "a number";
        if (node.isBoolean()) return "a boolean";
        if (node.isArray()) return "an array";
        if (node.isObject()) return "an object";
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value in single quotes, shortened and with mobile numbers masked. */
    static String quote(String value) {
        return "'" + safeShorten(value, QUOTE_LIMIT) + "'";
    }

    /**
     * Shortened to {@code limit} with mobile numbers masked. Masks before the final cut, so that a
     * number straddling the cut is masked, not half shown.
     */
    static String safeShorten(String value, int limit) {
        String window = value.length() > limit + 20 ? value.substring(0, limit + 20) : value;
        return shorten(mask(window), limit);
    }

    static String shorten(String value, int limit) {
        if (value.length() <= limit) {
            return value;
        }
        int end = limit;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "...";
    }

    static String mask(String text) {
        return RawText.maskMobileNumbers(text);
    }
}
