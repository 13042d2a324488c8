package io.gridpulse.domain.codec;

/** The outcome of decoding one record: a value, or the reason it was rejected. */
public record Decoded<T>(T value, ReasonCode reason, String detail) {

    public static <T> Decoded<T> ok(T value) {
        return new Decoded<>(value, null, null);
    }

    public static <T> Decoded<T> rejected(ReasonCode reason, String detail) {
        return new Decoded<>(null, reason, detail);
    }

    /** This rejection as the outcome of a record of another type (only for rejections). */
    public <U> Decoded<U> asRejection() {
        if (isOk()) {
            throw new IllegalStateException("not a rejection");
        }
        return new Decoded<>(null, reason, detail);
    }

    public boolean isOk() {
        return reason == null;
    }
}
