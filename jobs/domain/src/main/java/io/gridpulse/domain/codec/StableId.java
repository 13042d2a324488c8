package io.gridpulse.domain.codec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic ids (alerts, rejections): the first 128 bits of SHA-256 over a basis text, as 32
 * hex digits. The same basis gives the same id in every run and JVM, which is what lets a replay
 * write a row that replaces itself.
 */
public final class StableId {

    private StableId() {}

    public static String of(String basis) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
