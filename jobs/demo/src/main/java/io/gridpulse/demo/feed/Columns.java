package io.gridpulse.demo.feed;

import java.util.Arrays;

/** Growable primitive columns for millions of generated records without boxing. Not thread-safe. */
final class Columns {
    int size;
    int[] owner = new int[1 << 12];
    int[] time = new int[1 << 12];
    float[] a = new float[1 << 12];
    float[] b = new float[1 << 12];
    float[] c = new float[1 << 12];
    short[] d = new short[1 << 12];

    int add(int ownerIndex, int relTime, float va, float vb, float vc, short vd) {
        if (size == owner.length) {
            int n = size + (size >> 1);
            owner = Arrays.copyOf(owner, n);
            time = Arrays.copyOf(time, n);
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
            c = Arrays.copyOf(c, n);
            d = Arrays.copyOf(d, n);
        }
        owner[size] = ownerIndex;
        time[size] = relTime;
        a[size] = va;
        b[size] = vb;
        c[size] = vc;
        d[size] = vd;
        return size++;
    }
}
