package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {

    record Line(long no, String text, boolean over) {}

    private static List<Line> read(Path f, int limit) throws Exception {
        List<Line> out = new ArrayList<>();
        LineReader.forEachLine(f, limit, (n, b, over) -> out.add(new Line(n, new String(b), over)));
        return out;
    }

    @Test
    void splitsLinesKeepsBlankOnesAndTheLastLineWithoutNewline(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.jsonl");
        Files.writeString(f, "a\n\nbc\nd");
        assertThat(read(f, 100))
                .containsExactly(
                        new Line(1, "a", false),
                        new Line(2, "", false),
                        new Line(3, "bc", false),
                        new Line(4, "d", false));
    }

    @Test
    void aLineOverTheLimitIsReportedOnceWithItsHead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("b.jsonl");
        Files.writeString(f, "ok\n" + "x".repeat(25) + "\nnext\n");
        List<Line> lines = read(f, 10);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo(new Line(2, "x".repeat(10), true));
        assertThat(lines.get(2)).isEqualTo(new Line(3, "next", false));
    }

    @Test
    void aLineOfExactlyTheLimitIsNotOver(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.jsonl");
        Files.writeString(f, "y".repeat(10) + "\n");
        assertThat(read(f, 10)).containsExactly(new Line(1, "y".repeat(10), false));
    }

    @Test
    void linesAcrossTheReadBufferBoundaryAreWhole(@TempDir Path dir) throws Exception {
        // the reader reads 1 MiB at a time: lines of 997 bytes put line ends on every side of it
        StringBuilder text = new StringBuilder();
        List<Line> expected = new ArrayList<>();
        for (int i = 1; i <= 3_000; i++) {
            String line = (i + ":")
                    .repeat(1)
                    .concat("y".repeat(996 - String.valueOf(i).length()));
            text.append(line).append('\n');
            expected.add(new Line(i, line, false));
        }
        Path f = dir.resolve("c.jsonl");
        Files.writeString(f, text);
        assertThat(read(f, 2_000)).containsExactlyElementsOf(expected);
    }
}
