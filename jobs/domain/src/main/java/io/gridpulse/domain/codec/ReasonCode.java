package io.gridpulse.domain.codec;

/** Why a record was rejected (contracts.md, Bad input). */
public enum ReasonCode {
    MALFORMED_JSON,
    NOT_AN_OBJECT,
    MISSING_FIELD,
    WRONG_TYPE,
    UNKNOWN_VALUE,
    UNKNOWN_CATEGORY,
    UNKNOWN_DEPARTMENT,
    BAD_TIME,
    FUTURE_TIME,
    BAD_COORDINATES,
    BAD_DEADLINE,
    TOO_LARGE,
    BAD_ENCODING,
    DUPLICATE_CONFLICT,
    TOO_LATE,
    CASE_PURGED
}
