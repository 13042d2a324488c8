package io.gridpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortsTest {

    @Test
    void firstChoiceIsWrittenAndKeptNextTime(@TempDir Path dir) {
        Path file = dir.resolve("ports");
        List<Integer> first = Ports.choose(file, 2);
        assertThat(first).hasSize(2).doesNotHaveDuplicates();
        assertThat(Ports.read(file, 2)).contains(first);
        assertThat(Ports.choose(file, 2)).isEqualTo(first);
    }

    @Test
    void aKeptPortTakenBySomeoneElseIsReplacedAndTheOtherKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ports");
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int taken = other.getLocalPort();
            int free = Ports.freePort(new HashSet<>(List.of(taken)));
            Ports.write(file, List.of(taken, free));
            assertThat(Ports.isFree(taken)).isFalse();
            List<Integer> chosen = Ports.choose(file, 2);
            assertThat(chosen.get(0)).isNotEqualTo(taken);
            assertThat(chosen.get(1)).isEqualTo(free);
            assertThat(Ports.read(file, 2)).contains(chosen);
        }
    }

    @Test
    void corruptOrShortPortFilesAreIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ports");
        Files.writeString(file, "not a port\n");
        assertThat(Ports.read(file, 1)).isEmpty();
        Files.writeString(file, "70000\n");
        assertThat(Ports.read(file, 1)).as("out of range").isEmpty();
        Files.writeString(file, "40000\n");
        assertThat(Ports.read(file, 2)).as("fewer ports than needed").isEmpty();
        assertThat(Ports.read(dir.resolve("missing"), 1)).isEmpty();
        assertThat(Ports.choose(file, 2)).hasSize(2);
    }

    @Test
    void duplicateKeptPortsAreSplit(@TempDir Path dir) {
        Path file = dir.resolve("ports");
        int port = Ports.freePort(new HashSet<>());
        Ports.write(file, List.of(port, port));
        assertThat(Ports.choose(file, 2)).doesNotHaveDuplicates().startsWith(port);
    }
}
