package io.gridpulse.flink.vehicles;

import java.util.Arrays;

/**
 * The visits of one vehicle to the grids it has left on the open day (part of the track's one
 * state value): a small open-addressing table over two arrays. A vehicle changes grid every few
 * positions, and a map state's put and get at each change (a per-key hash table, nodes and
 * values scattered over the heap, so a handful of cache misses each) were the largest single
 * cost of the vehicle rules. Here a change touches a slot, one code and four longs.
 *
 * <p>Mutable, unlike the other state types, and changed in place: the heap state backend hands
 * out a copy when a checkpoint still holds the stored value (copy on write), RocksDB a fresh
 * copy on every read, and the caller stores the track again after every change. A Flink POJO:
 * the slots are transient and rebuilt after a copy or a restore.
 */
public final class DayGrids {

    /** Grid codes in the order they were first left. */
    public String[] codes = new String[8];

    /** Four longs per grid, in the order of {@link #codes}: visits, positions, first, last. */
    public long[] visits = new long[32];

    public int size;

    /**
     * Per slot, a code's hash (high half) and its index in {@link #codes} + 1 (low half); 0 for
     * an empty slot. The hash is compared first, so a probe past another grid reads no String:
     * the vehicle's state is cold by the time its next position comes, and each dereference
     * is a cache miss.
     */
    private transient long[] slots;

    public DayGrids() {}

    /** The visits of a grid left earlier today, or null. */
    GridVisits get(String code) {
        int i = indexOf(code);
        if (i < 0) {
            return null;
        }
        int j = 4 * i;
        return new GridVisits(visits[j], visits[j + 1], visits[j + 2], visits[j + 3]);
    }

    /** Sets a grid's visits (as the vehicle leaves it). */
    void put(String code, GridVisits v) {
        int i = indexOf(code);
        if (i < 0) {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, 2 * size);
                visits = Arrays.copyOf(visits, 8 * size);
            }
            i = size++;
            codes[i] = code;
            if (2 * size > slots.length) {
                slots = new long[2 * slots.length];
                for (int k = 0; k < size; k++) {
                    insert(k);
                }
            } else {
                insert(i);
            }
        }
        int j = 4 * i;
        visits[j] = v.visits();
        visits[j + 1] = v.positions();
        visits[j + 2] = v.first();
        visits[j + 3] = v.last();
    }

    String code(int i) {
        return codes[i];
    }

    private int indexOf(String code) {
        if (slots == null) {
            rebuild();
        }
        int h = code.hashCode();
        int mask = slots.length - 1;
        for (int s = spread(h) & mask; ; s = (s + 1) & mask) {
            long v = slots[s];
            if (v == 0) {
                return -1;
            }
            if ((int) (v >>> 32) == h) {
                int i = (int) v - 1;
                String c = codes[i];
                if (c == code || c.equals(code)) {
                    return i;
                }
            }
        }
    }

    private void rebuild() {
        int n = 16;
        while (n < 2 * size) {
            n <<= 1;
        }
        slots = new long[n];
        for (int k = 0; k < size; k++) {
            insert(k);
        }
    }

    private void insert(int index) {
        int h = codes[index].hashCode();
        int mask = slots.length - 1;
        int s = spread(h) & mask;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = ((long) h << 32) | (index + 1);
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
