package io.gridpulse.clickhouse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One column of a {@link NativeBlock}: its values, its null flags when Nullable, and for
 * LowCardinality(String) a dictionary of the batch's distinct values plus one index per row.
 */
final class NativeColumn {

    /** LowCardinality's serialization version: shared dictionaries with additional keys. */
    private static final long LOW_CARDINALITY_VERSION = 1;
    /** The index flags: the keys follow in the block (no global dictionary) and replace any before. */
    private static final long HAS_ADDITIONAL_KEYS = 1L << 9;

    private static final long NEED_UPDATE_DICTIONARY = 1L << 10;

    private final ColumnType type;
    private final BinaryOutput values;
    private final BinaryOutput nullFlags;
    private final Map<String, Integer> dictionary;
    private final List<String> keys;
    private int[] indexes;
    private int size;
    private int markSize;
    private int markValues;
    private int markNulls;
    private int markKeys;

    NativeColumn(ColumnType type) {
        this.type = type;
        boolean lc = type.lowCardinality();
        this.values = lc ? null : new BinaryOutput();
        this.nullFlags = type.nullable() && !lc ? new BinaryOutput() : null;
        this.dictionary = lc ? new HashMap<>() : null;
        this.keys = lc ? new ArrayList<>() : null;
        this.indexes = lc ? new int[1024] : null;
        reset();
    }

    ColumnType type() {
        return type;
    }

    void reset() {
        size = 0;
        if (values != null) {
            values.reset();
        }
        if (nullFlags != null) {
            nullFlags.reset();
        }
        if (dictionary != null) {
            dictionary.clear();
            keys.clear();
            // As the server lays a dictionary out: NULL first when Nullable (written as an
            // empty string), then the type's default, then the values in order of appearance.
            if (type.nullable()) {
                keys.add("");
            }
            dictionary.put("", keys.size());
            keys.add("");
        }
    }

    /** Remembers where the column is, for {@link #rollback}. */
    void mark() {
        markSize = size;
        markValues = values == null ? 0 : values.size();
        markNulls = nullFlags == null ? 0 : nullFlags.size();
        markKeys = keys == null ? 0 : keys.size();
    }

    /** Back to the last {@link #mark}, dictionary included. */
    void rollback() {
        size = markSize;
        if (values != null) {
            values.truncate(markValues);
        }
        if (nullFlags != null) {
            nullFlags.truncate(markNulls);
        }
        if (keys != null) {
            while (keys.size() > markKeys) {
                dictionary.remove(keys.remove(keys.size() - 1));
            }
        }
    }

    /** A value follows in {@link #values}: marks it not NULL and returns the buffer for it. */
    BinaryOutput present() {
        size++;
        if (nullFlags != null) {
            nullFlags.writeByte(0);
        }
        return values;
    }

    /** A LowCardinality value. */
    void addKey(String value) {
        Integer index = dictionary.get(value);
        if (index == null) {
            index = keys.size();
            keys.add(value);
            dictionary.put(value, index);
        }
        addIndex(index);
    }

    /** NULL (the type is Nullable): a flag and the default value under it, or dictionary entry 0. */
    void addNull() {
        if (dictionary != null) {
            addIndex(0);
            return;
        }
        size++;
        nullFlags.writeByte(1);
        switch (type.kind()) {
            case STRING -> values.writeByte(0);
            case BOOL, UINT8, INT8, ENUM8 -> values.writeZeros(1);
            case UINT16, INT16, ENUM16, DATE -> values.writeZeros(2);
            case UINT32, INT32, FLOAT32, DATE32, DATETIME -> values.writeZeros(4);
            case UINT64, INT64, FLOAT64, DATETIME64 -> values.writeZeros(8);
        }
    }

    void writeTo(BinaryOutput out) {
        if (dictionary == null) {
            if (nullFlags != null) {
                out.write(nullFlags);
            }
            out.write(values);
            return;
        }
        int n = keys.size();
        int width = n <= 1 << 8 ? 0 : n <= 1 << 16 ? 1 : 2;
        out.writeLongLE(LOW_CARDINALITY_VERSION);
        out.writeLongLE(width | HAS_ADDITIONAL_KEYS | NEED_UPDATE_DICTIONARY);
        out.writeLongLE(n);
        for (String k : keys) {
            out.writeString(k);
        }
        out.writeLongLE(size);
        for (int i = 0; i < size; i++) {
            switch (width) {
                case 0 -> out.writeByte(indexes[i]);
                case 1 -> out.writeShortLE(indexes[i]);
                default -> out.writeIntLE(indexes[i]);
            }
        }
    }

    private void addIndex(int index) {
        if (size == indexes.length) {
            indexes = Arrays.copyOf(indexes, 2 * size);
        }
        indexes[size++] = index;
    }
}
