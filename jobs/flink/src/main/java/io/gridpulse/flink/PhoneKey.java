package io.gridpulse.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The key of the keyed hash that replaces reporterPhone, from GRIDPULSE_PHONE_HASH_KEY or a file
 * named by GRIDPULSE_PHONE_HASH_KEY_FILE. Without either, a fixed development key is used and
 * the hashes are then only pseudonyms against casual reading: production sets a secret key.
 */
public final class PhoneKey {

    static final String DEVELOPMENT_KEY = "gridpulse-development-key-not-secret";

    private PhoneKey() {}

    public static String fromEnvironment(Map<String, String> env) {
        String file = env.get("GRIDPULSE_PHONE_HASH_KEY_FILE");
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read GRIDPULSE_PHONE_HASH_KEY_FILE " + file, e);
            }
        }
        String key = env.get("GRIDPULSE_PHONE_HASH_KEY");
        return key == null || key.isBlank() ? DEVELOPMENT_KEY : key;
    }
}
