package io.gridpulse.domain.codec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash (HMAC-SHA256) of a reporter's phone number: the only form in which a phone number
 * is kept. The same number gives the same hash under the same key, so repeated reports of one
 * caller can still be linked, but the number cannot be recovered without the key (a plain hash
 * of an 11-digit number space could be brute-forced in minutes).
 *
 * <p>Before hashing, the number is normalised so that the usual spellings of one number agree:
 * every character other than a digit is dropped, and then a leading country code {@code 86}
 * (from {@code +86} or {@code 0086}) is dropped from a 13-digit result. Immutable and
 * thread-safe (one {@link Mac} per thread).
 */
public final class PhoneHasher {

    /** Shorter keys would make the HMAC guessable; configuration must give a real secret. */
    public static final int MIN_KEY_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public PhoneHasher(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the phone hashing key must have at least " + MIN_KEY_BYTES
                    + " bytes, got " + (key == null ? "none" : key.length));
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A hasher whose key is the UTF-8 bytes of {@code secret} (as read from configuration). */
    public static PhoneHasher ofSecret(String secret) {
        return new PhoneHasher(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex HMAC-SHA256 of the normalised number; null for null or a number without digits. */
    public String hash(String phone) {
        String normalised = normalise(phone);
        if (normalised == null) {
            return null;
        }
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.US_ASCII)));
    }

    static String normalise(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        if (digits.length() == 15 && digits.indexOf("0086") == 0) {
            digits.delete(0, 2);
        }
        if (digits.length() == 13 && digits.indexOf("86") == 0) {
            digits.delete(0, 2);
        }
        return digits.length() == 0 ? null : digits.toString();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // every Java 17 runtime ships HmacSHA256; reaching this is a broken JVM
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
