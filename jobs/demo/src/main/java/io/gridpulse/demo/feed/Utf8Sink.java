package io.gridpulse.demo.feed;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes generated text to UTF-8 straight from a StringBuilder into a large buffer, without the
 * intermediate String and byte[] of every line (most of the time of writing millions of lines).
 * Not thread-safe.
 */
final class Utf8Sink implements AutoCloseable {

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 20];
    private int pos;

    Utf8Sink(OutputStream out) {
        this.out = out;
    }

    void write(CharSequence s) throws IOException {
        int n = s.length();
        if (buf.length - pos < n * 3 + 4) {
            flushBuffer();
            if (n * 3 + 4 > buf.length) {
                out.write(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buf[pos++] = '?'; // a lone surrogate, as String.getBytes would replace it
            } else {
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    void write(byte[] bytes) throws IOException {
        if (buf.length - pos < bytes.length) {
            flushBuffer();
            if (bytes.length > buf.length) {
                out.write(bytes);
                return;
            }
        }
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    void newline() throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = '\n';
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    @Override
    public void close() throws IOException {
        flushBuffer();
        out.close();
    }
}
