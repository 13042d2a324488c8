package io.gridpulse.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerStatusTest {

    @Test
    void runningLineHasAddressPidVersionAndMemory() {
        ServerStatus s = new ServerStatus("clickhouse", true, 4242, "http://127.0.0.1:8123", "26.7.2.1", 200L << 20);
        assertThat(s.line())
                .startsWith("clickhouse  running")
                .contains("http://127.0.0.1:8123", "pid 4242", "version 26.7.2.1", "rss 200 MB");
    }

    @Test
    void stoppedLineKeepsTheLastAddressOnly() {
        assertThat(ServerStatus.stopped("kafka", "127.0.0.1:9092").line())
                .startsWith("kafka       stopped")
                .contains("127.0.0.1:9092")
                .doesNotContain("pid");
    }

    @Test
    void aliveButSilentIsNotCalledStopped() {
        ServerStatus s = new ServerStatus("clickhouse", false, 99, "http://127.0.0.1:8123", "", -1);
        assertThat(s.line()).contains("not answering").contains("pid 99").doesNotContain("rss");
    }
}
