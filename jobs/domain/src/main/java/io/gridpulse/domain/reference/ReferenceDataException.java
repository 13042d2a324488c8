package io.gridpulse.domain.reference;

/**
 * A reference file that cannot be used, with the file's role and line number in the message, for
 * example {@code catalog line 7: duplicate code '0101'}. Line 0 means the file as a whole.
 */
public final class ReferenceDataException extends IllegalArgumentException {

    private final String source;
    private final int line;

    public ReferenceDataException(String source, int line, String problem) {
        super(source + (line > 0 ? " line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** Which file: catalog, departments, vehicles, sensors, sensor-rules. */
    public String source() {
        return source;
    }

    /** 1-based line of the problem; 0 for the file as a whole. */
    public int line() {
        return line;
    }
}
