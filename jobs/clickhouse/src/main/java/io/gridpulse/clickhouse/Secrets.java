package io.gridpulse.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Secrets from the environment, the one way every gridpulse component reads them (ClickHouse
 * password, phone hash key): the variable {@code NAME} if set and not empty, else the first line
 * of the file named by {@code NAME_FILE} (without its line end; spaces are kept, they may be part
 * of a password), else null. Never from command lines, never logged. Lives in this module because
 * it is the lowest one every component that needs configuration depends on.
 */
public final class Secrets {

    private Secrets() {}

    /** @throws IllegalArgumentException when {@code NAME_FILE} names a file that cannot be read */
    public static String fromEnvironment(Map<String, String> env, String name) {
        String direct = env.get(name);
        if (direct != null && !direct.isEmpty()) {
            return direct;
        }
        String file = env.get(name + "_FILE");
        if (file == null || file.isBlank()) {
            return null;
        }
        try {
            String content = Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8);
            int newline = content.indexOf('\n');
            String first = newline < 0 ? content : content.substring(0, newline);
            return first.endsWith("\r") ? first.substring(0, first.length() - 1) : first;
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + name + "_FILE=" + file + ": " + e, e);
        }
    }
}
