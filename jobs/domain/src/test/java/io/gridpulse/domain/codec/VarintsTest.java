package io.gridpulse.domain.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class VarintsTest {

    @Test
    void shortLengthsTakeOneByteAndLongerOnesSevenBitsAByteLowFirst() throws IOException {
        assertArrayEquals(new byte[] {0}, bytes(0));
        assertArrayEquals(new byte[] {127}, bytes(127));
        assertArrayEquals(new byte[] {(byte) 0x80, 1}, bytes(128));
        assertArrayEquals(new byte[] {(byte) 0xAC, 0x02}, bytes(300));
        assertEquals(5, bytes(-1).length);
    }

    @Test
    void everyValueComesBackAsItWas() throws IOException {
        int[] values = {0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, Integer.MAX_VALUE, -1};
        for (int v : values) {
            assertEquals(v, Varints.read(new DataInputStream(new ByteArrayInputStream(bytes(v)))));
        }
    }

    @Test
    void aSixthByteIsRefused() {
        byte[] endless = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0};
        IOException e = assertThrows(
                IOException.class, () -> Varints.read(new DataInputStream(new ByteArrayInputStream(endless))));
        assertEquals("a varint of more than five bytes", e.getMessage());
    }

    private static byte[] bytes(int v) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Varints.write(new DataOutputStream(b), v);
        return b.toByteArray();
    }
}
