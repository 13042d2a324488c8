package io.gridpulse.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * TCP ports of the local servers on 127.0.0.1: chosen free at the first start and kept in a port file (one port a
 * line), so the addresses stay the same from one start to the next as long as nobody else took them. Stateless.
 */
public final class Ports {

    private Ports() {}

    /** Whether nothing listens on 127.0.0.1:port right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that the system considers free on 127.0.0.1 now, not in {@code taken}. */
    public static int freePort(Set<Integer> taken) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                int port = socket.getLocalPort();
                if (!taken.contains(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open a socket on 127.0.0.1 to find a free port", e);
            }
        }
        throw new IllegalStateException("No free port found on 127.0.0.1");
    }

    /** The ports kept in the file, or empty when it is missing, unreadable or holds fewer than {@code count}. */
    public static Optional<List<Integer>> read(Path portFile, int count) {
        if (!Files.isRegularFile(portFile)) {
            return Optional.empty();
        }
        try {
            List<Integer> ports = new ArrayList<>();
            for (String line : Files.readAllLines(portFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    int port = Integer.parseInt(line.trim());
                    if (port < 1 || port > 65535) {
                        return Optional.empty();
                    }
                    ports.add(port);
                }
            }
            return ports.size() >= count ? Optional.of(List.copyOf(ports.subList(0, count))) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The ports to start a server on: those kept in the file where still free, new free ones otherwise; the file is
     * rewritten when anything changed.
     */
    public static List<Integer> choose(Path portFile, int count) {
        List<Integer> kept = read(portFile, count).orElse(List.of());
        List<Integer> chosen = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Integer previous = i < kept.size() ? kept.get(i) : null;
            int port = previous != null && !taken.contains(previous) && isFree(previous) ? previous : freePort(taken);
            chosen.add(port);
            taken.add(port);
        }
        if (!chosen.equals(kept)) {
            write(portFile, chosen);
        }
        return List.copyOf(chosen);
    }

    static void write(Path portFile, List<Integer> ports) {
        StringBuilder sb = new StringBuilder();
        ports.forEach(p -> sb.append(p).append('\n'));
        try {
            Files.createDirectories(portFile.getParent());
            Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, portFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the port file " + portFile, e);
        }
    }
}
