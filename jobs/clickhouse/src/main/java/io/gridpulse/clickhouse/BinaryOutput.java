package io.gridpulse.clickhouse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A growable byte buffer with the primitives of ClickHouse's binary formats: little-endian
 * fixed-width numbers and LEB128-length-prefixed UTF-8 strings. Reused batch after batch by one
 * writer.
 */
final class BinaryOutput {

    private byte[] bytes;
    private int size;

    BinaryOutput() {
        this(1 << 16);
    }

    BinaryOutput(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** Drops what was written after the first {@code n} bytes. */
    void truncate(int n) {
        if (n < 0 || n > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " bytes to " + n);
        }
        size = n;
    }

    InputStream asInputStream() {
        return new ByteArrayInputStream(bytes, 0, size);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** Appends what {@code other} holds. */
    void write(BinaryOutput other) {
        ensure(other.size);
        System.arraycopy(other.bytes, 0, bytes, size, other.size);
        size += other.size;
    }

    void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    /** {@code n} zero bytes: the value ClickHouse stores under a NULL of a fixed-width type. */
    void writeZeros(int n) {
        ensure(n);
        Arrays.fill(bytes, size, size + n, (byte) 0);
        size += n;
    }

    void writeShortLE(int v) {
        ensure(2);
        bytes[size++] = (byte) v;
        bytes[size++] = (byte) (v >>> 8);
    }

    void writeIntLE(int v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            bytes[size++] = (byte) (v >>> (8 * i));
        }
    }

    void writeLongLE(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            bytes[size++] = (byte) (v >>> (8 * i));
        }
    }

    void writeUnsignedVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        writeByte((int) v);
    }

    /**
     * The length in UTF-8 bytes, then the bytes, encoded in place: no intermediate array per
     * string (a position's plate and district are Chinese). A lone surrogate becomes '?', as
     * {@link String#getBytes} makes it.
     */
    void writeString(String s) {
        int n = s.length();
        int utf8 = utf8Length(s, n);
        writeUnsignedVarint(utf8);
        ensure(utf8);
        byte[] b = bytes;
        int p = size;
        int i = 0;
        if (utf8 == n) {
            // ASCII, unless a lone surrogate (one '?' byte too) is among the chars
            for (char c; i < n && (c = s.charAt(i)) < 0x80; i++) {
                b[p++] = (byte) c;
            }
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[p++] = (byte) (0xF0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    b[p++] = (byte) '?';
                }
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        size = p;
    }

    private static int utf8Length(String s, int n) {
        int len = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    len += 1;
                } else if (Character.isSurrogate(c)) {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        len += 2; // two chars, four bytes
                        i++;
                    }
                    // a lone surrogate: one '?'
                } else {
                    len += 2;
                }
            }
        }
        return len;
    }

    private void ensure(int n) {
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
    }
}
