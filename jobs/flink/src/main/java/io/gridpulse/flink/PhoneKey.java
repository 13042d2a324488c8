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

    /**
     * The configured key; for live jobs on a cluster, which keep hashes for good: a development
     * key there would make every stored hash reversible by anyone who reads this source.
     *
     * @throws IllegalArgumentException when neither variable is set
     */
    public static String required(Map<String, String> env) {
        String key = Secrets.fromEnvironment(env, "GRIDPULSE_PHONE_HASH_KEY");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(
                    "set GRIDPULSE_PHONE_HASH_KEY or GRIDPULSE_PHONE_HASH_KEY_FILE: live jobs"
                            + " store reporterPhone only as a hash keyed with it (see docs/security.md)");
        }
        return key;
    }

    public static String fromEnvironment(Map<String, String> env) {
        String key = Secrets.fromEnvironment(env, "GRIDPULSE_PHONE_HASH_KEY");
        return key == null || key.isBlank() ? DEVELOPMENT_KEY : key;
    }
}
