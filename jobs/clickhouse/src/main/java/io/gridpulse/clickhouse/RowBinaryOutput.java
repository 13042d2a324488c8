package io.gridpulse.clickhouse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the primitives of ClickHouse's RowBinary format: little-endian
 * fixed-width numbers and LEB128-length-prefixed strings. Reused batch after batch by one writer.
 */
final class RowBinaryOutput {

    private byte[] bytes = new byte[1 << 16];
    private int size;

    void reset() {
        size = 0;
    }

    int size() {
        return size;
    }

    InputStream asInputStream() {
        return new ByteArrayInputStream(bytes, 0, size);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    void writeByte(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
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

    void writeString(String s) {
        if (isAscii(s)) {
            int n = s.length();
            writeUnsignedVarint(n);
            ensure(n);
            // An ASCII string's chars are its UTF-8 bytes: copied without an intermediate array.
            for (int i = 0; i < n; i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
        } else {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            writeUnsignedVarint(utf8.length);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int n) {
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
    }
}
