package io.gridpulse.stack;

/**
 * What {@code stack status} says about one local server. Immutable and thread-safe.
 *
 * @param name {@code kafka} or {@code clickhouse}
 * @param running whether its process is alive and, for ClickHouse, answers (alive but silent: not running, with a pid)
 * @param pid its process id, -1 when not running
 * @param address bootstrap address or HTTP URL; the last known one when not running, else empty
 * @param version server version where known, else empty
 * @param rssBytes resident memory, -1 when unknown
 */
public record ServerStatus(String name, boolean running, long pid, String address, String version, long rssBytes) {

    static ServerStatus stopped(String name, String address) {
        return new ServerStatus(name, false, -1, address, "", -1);
    }

    /** One line for people: {@code kafka       running  127.0.0.1:40123  pid 1234  rss 412 MB}. */
    public String line() {
        String state = running ? "running" : pid > 0 ? "not answering" : "stopped";
        StringBuilder sb = new StringBuilder(String.format("%-11s %-8s", name, state));
        if (!address.isEmpty()) {
            sb.append("  ").append(address);
        }
        if (pid > 0) {
            sb.append("  pid ").append(pid);
            if (!version.isEmpty()) {
                sb.append("  version ").append(version);
            }
            if (rssBytes >= 0) {
                sb.append("  rss ").append(rssBytes / (1024 * 1024)).append(" MB");
            }
        }
        return sb.toString();
    }
}
