package io.gridpulse.domain.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Unsigned varints, seven bits a byte, low first: the lengths of ids and codes are short and take
 * one byte. Shared by the case-state pack and the wire serializers so both read what the other
 * would write.
 */
public final class Varints {

    private Varints() {}

    public static void write(DataOutput out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    /** @throws IOException when the fifth byte still says "more follows": not a length we wrote */
    public static int read(DataInput in) throws IOException {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("a varint of more than five bytes");
    }
}
