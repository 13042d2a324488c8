package io.gridpulse.flink;

import io.gridpulse.clickhouse.Secrets;
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
        String key = Secrets.fromEnvironment(env, "GRIDPULSE_PHONE_HASH_KEY");
        return key == null || key.isBlank() ? DEVELOPMENT_KEY : key;
    }
}
