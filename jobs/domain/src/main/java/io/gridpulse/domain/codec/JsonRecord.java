package io.gridpulse.domain.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The checks every feed shares, in the contract's order: size (TOO_LARGE), encoding
 * (BAD_ENCODING), syntax (MALFORMED_JSON, including trailing content and duplicate keys) and shape
 * (NOT_AN_OBJECT). One shared {@link ObjectReader}; stateless and thread-safe.
 */
final class JsonRecord {

    /** 1 MB: larger records are rejected before anything else is looked at. */
    static final int MAX_BYTES = 1_048_576;

    private static final ObjectReader READER = new ObjectMapper(JsonFactory.builder()
                    // NaN and Infinity must reach the coordinate check (BAD_COORDINATES), not fail as syntax
                    .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .reader();

    private JsonRecord() {}

    /** The record as an object, or the rejection: exactly one of the two is non-null. */
    record Parsed(ObjectNode object, ReasonCode reason, String detail) {
        <T> Decoded<T> rejection() {
            return Decoded.rejected(reason, detail);
        }
    }

    static Parsed parse(byte[] raw) {
        if (raw == null) {
            return reject(ReasonCode.MALFORMED_JSON, "the record is empty (no bytes)");
        }
        if (raw.length > MAX_BYTES) {
            return reject(
                    ReasonCode.TOO_LARGE,
                    "the record has " + raw.length + " bytes, more than the " + MAX_BYTES + " allowed");
        }
        int bad = firstInvalidUtf8(raw);
        if (bad >= 0) {
            return reject(
                    ReasonCode.BAD_ENCODING,
                    String.format("invalid UTF-8 at byte offset %d (0x%02X)", bad, raw[bad] & 0xFF));
        }
        JsonNode node;
        try {
            node = READER.readTree(raw);
        } catch (JsonProcessingException e) {
            return reject(ReasonCode.MALFORMED_JSON, "not valid JSON: " + syntaxMessage(e));
        } catch (IOException | RuntimeException e) {
            // Jackson signals a few limits (nesting depth, number length) this way; still bad syntax
            return reject(
                    ReasonCode.MALFORMED_JSON, "not valid JSON: " + Details.quote(String.valueOf(e.getMessage())));
        }
        if (node == null || node.isMissingNode()) {
            return reject(ReasonCode.MALFORMED_JSON, "the record is empty (no JSON value)");
        }
        if (!node.isObject()) {
            return reject(ReasonCode.NOT_AN_OBJECT, "a record must be a JSON object, got " + Details.describe(node));
        }
        return new Parsed((ObjectNode) node, null, null);
    }

    private static Parsed reject(ReasonCode reason, String detail) {
        return new Parsed(null, reason, detail);
    }

    private static String syntaxMessage(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        // Jackson's messages can quote a token of the input: mask and shorten like any quoted value
        String where = e.getLocation() == null
                ? ""
                : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
        String firstLine =
                message == null ? "syntax error" : message.lines().findFirst().orElse("syntax error");
        return Details.safeShorten(firstLine, 200) + where;
    }

    /** Offset of the first byte that is not part of valid UTF-8, or -1. */
    static int firstInvalidUtf8(byte[] raw) {
        int i = 0;
        while (i < raw.length && raw[i] >= 0) {
            i++;
        }
        if (i == raw.length) {
            return -1; // plain ASCII, the common case for GPS positions
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw, i, raw.length - i);
        CharBuffer out = CharBuffer.allocate(Math.min(raw.length - i, 8192));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isOverflow()) {
                out.clear();
                continue;
            }
            result = decoder.flush(out);
            if (result.isOverflow()) {
                out.clear();
                continue;
            }
            return -1;
        }
    }
}
