package io.gridpulse.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Splits a file into lines of raw bytes (no decoding: a line with invalid UTF-8 must reach the
 * decoder as it is, to be rejected as BAD_ENCODING). A line longer than the limit is reported
 * once as over the limit, with only its first {@code limit} bytes, and never held whole.
 */
final class LineReader {

    /** Receives each line (1-based number, bytes without the newline, whether it was cut). */
    interface LineConsumer {
        void accept(long lineNo, byte[] bytes, boolean overLimit);
    }

    private LineReader() {}

    static void forEachLine(Path file, int limit, LineConsumer consumer) throws IOException {
        byte[] buf = new byte[1 << 20];
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        boolean over = false;
        long lineNo = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lineNo++;
                        if (!over && line.size() == 0) {
                            // the whole line is in the buffer: one copy, not two
                            consumer.accept(lineNo, Arrays.copyOfRange(buf, from, i), false);
                            from = i + 1;
                            continue;
                        }
                        if (!over) {
                            line.write(buf, from, i - from);
                        }
                        consumer.accept(lineNo, line.toByteArray(), over);
                        line.reset();
                        over = false;
                        from = i + 1;
                    } else if (!over && line.size() + (i - from + 1) > limit) {
                        line.write(buf, from, i - from);
                        over = true;
                        from = i + 1;
                    }
                }
                if (!over && from < n) {
                    line.write(buf, from, n - from);
                }
            }
        }
        if (line.size() > 0 || over) {
            consumer.accept(lineNo + 1, line.toByteArray(), over);
        }
    }
}
