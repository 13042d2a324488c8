package io.gridpulse.domain.codec;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw text of a rejected record as it may be stored and shown: at most 64 KB (65,536 bytes
 * of UTF-8 output, cut on a character boundary), bytes that are not valid UTF-8 written as
 * {@code \xNN}, and personal data masked with asterisks of the same length:
 *
 * <ul>
 *   <li>the value of every {@code reporterPhone} key, found textually so that it is masked even
 *       in malformed JSON: the key in double, single or no quotes, case-insensitive, followed by
 *       {@code :} or {@code =}; a quoted value up to its closing quote (or the end of the text),
 *       an unquoted value up to the next {@code , } ] } or whitespace;
 *   <li>every mainland mobile number anywhere: {@code 1[3-9]} and 9 more digits that are not
 *       part of a longer run of digits.
 * </ul>
 *
 * Masking runs before the cut, so a number straddling the 64 KB boundary is masked, not half
 * shown. Stateless and thread-safe.
 */
public final class RawText {

    /** The most bytes (UTF-8) of raw text kept for a rejected record. */
    public static final int MAX_BYTES = 65_536;

    /** Bytes read past the cut, so that masking sees a number or key straddling it whole. */
    private static final int LOOKAHEAD_BYTES = 1024;

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final Pattern PHONE_KEY =
            Pattern.compile("[\"']?reporterPhone[\"']?\\s*[:=]\\s*", Pattern.CASE_INSENSITIVE);

    private RawText() {}

    /** The sanitised text of {@code raw}; the empty string for null. */
    public static String sanitize(byte[] raw) {
        if (raw == null) {
            return "";
        }
        String text = escapeInvalid(raw, Math.min(raw.length, MAX_BYTES + LOOKAHEAD_BYTES));
        StringBuilder masked = new StringBuilder(text);
        maskPhoneKeys(masked);
        maskMobileNumbers(masked);
        return cut(masked, MAX_BYTES);
    }

    /** {@code text} with every mobile number replaced by asterisks. */
    public static String maskMobileNumbers(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text);
        return maskMobileNumbers(sb) ? sb.toString() : text;
    }

    private static boolean maskMobileNumbers(StringBuilder text) {
        Matcher m = MOBILE.matcher(text);
        boolean found = false;
        while (m.find()) {
            fill(text, m.start(), m.end());
            found = true;
        }
        return found;
    }

    private static void maskPhoneKeys(StringBuilder text) {
        Matcher m = PHONE_KEY.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int start = m.end();
            int end = valueEnd(text, start);
            char first = start < text.length() ? text.charAt(start) : 0;
            int contentStart = (first == '"' || first == '\'') ? start + 1 : start;
            int contentEnd = end;
            if (contentStart > start && end > contentStart && text.charAt(end - 1) == first) {
                contentEnd = end - 1; // keep the closing quote, so the JSON shape stays readable
            }
            fill(text, contentStart, contentEnd);
            from = Math.max(end, m.end() + 1);
        }
    }

    /** End (exclusive) of the value starting at {@code start}, closing quote included. */
    private static int valueEnd(CharSequence text, int start) {
        int n = text.length();
        if (start >= n) {
            return n;
        }
        char quote = text.charAt(start);
        if (quote == '"' || quote == '\'') {
            int i = start + 1;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    return i + 1;
                } else {
                    i++;
                }
            }
            return n;
        }
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ',' || c == '}' || c == ']' || Character.isWhitespace(c)) {
                break;
            }
            i++;
        }
        return i;
    }

    /** Asterisks over [from, to): one per character (a surrogate pair counts as one). */
    private static void fill(StringBuilder text, int from, int to) {
        int end = Math.min(to, text.length());
        StringBuilder stars = new StringBuilder(end - from);
        for (int i = from; i < end; i++) {
            if (!(Character.isLowSurrogate(text.charAt(i))
                    && i > from
                    && Character.isHighSurrogate(text.charAt(i - 1)))) {
                stars.append('*');
            }
        }
        text.replace(from, end, stars.toString());
    }

    /** Decodes the first {@code length} bytes, writing each byte of an invalid sequence as \xNN. */
    static String escapeInvalid(byte[] raw, int length) {
        StringBuilder sb = new StringBuilder(length);
        int i = 0;
        while (i < length) {
            int b = raw[i] & 0xFF;
            int n = sequenceLength(raw, i, length);
            if (n == 0) {
                sb.append(String.format("\\x%02X", b));
                i++;
            } else if (n == 1) {
                sb.append((char) b);
                i++;
            } else {
                sb.append(new String(raw, i, n, StandardCharsets.UTF_8));
                i += n;
            }
        }
        return sb.toString();
    }

    /** Length of the valid UTF-8 sequence at {@code i} (1 to 4), or 0 when the byte starts none. */
    private static int sequenceLength(byte[] raw, int i, int limit) {
        int b = raw[i] & 0xFF;
        if (b < 0x80) {
            return 1;
        }
        int n;
        int min;
        int max = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            n = 3;
            // no overlong forms (E0 below A0), no surrogates (ED above 9F)
            min = b == 0xE0 ? 0xA0 : 0x80;
            max = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 4;
            min = b == 0xF0 ? 0x90 : 0x80;
            max = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (i + n > limit) {
            return 0;
        }
        int second = raw[i + 1] & 0xFF;
        if (second < min || second > max) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            int c = raw[i + k] & 0xFF;
            if (c < 0x80 || c > 0xBF) {
                return 0;
            }
        }
        return n;
    }

    /** At most {@code maxBytes} of UTF-8, never splitting a character or an escape. */
    private static String cut(CharSequence text, int maxBytes) {
        int bytes = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int charBytes;
            int chars = 1;
            if (c < 0x80) {
                charBytes = 1;
            } else if (c < 0x800) {
                charBytes = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                charBytes = 4;
                chars = 2;
            } else {
                charBytes = 3;
            }
            if (c == '\\' && isEscape(text, i)) {
                charBytes = 4;
                chars = 4;
            }
            if (bytes + charBytes > maxBytes) {
                break;
            }
            bytes += charBytes;
            i += chars;
        }
        return text.subSequence(0, i).toString();
    }

    private static boolean isEscape(CharSequence text, int i) {
        return i + 3 < text.length()
                && text.charAt(i + 1) == 'x'
                && isHex(text.charAt(i + 2))
                && isHex(text.charAt(i + 3));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }
}
