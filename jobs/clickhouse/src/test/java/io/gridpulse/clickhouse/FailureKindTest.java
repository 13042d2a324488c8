package io.gridpulse.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class FailureKindTest {

    @Test
    void connectionRefusedIsRetriable() {
        assertThat(FailureKind.of(new SQLException("failed", new ConnectException("refused"))))
                .isEqualTo(FailureKind.RETRIABLE);
    }

    @Test
    void tooManyPartsIsRetriable() {
        assertThat(FailureKind.of(new SQLException("Code: 252. DB::Exception: Too many parts")))
                .isEqualTo(FailureKind.RETRIABLE);
    }

    @Test
    void unknownTableIsFatal() {
        assertThat(FailureKind.of(new SQLException("Code: 60. DB::Exception: Table gp.x does not exist")))
                .isEqualTo(FailureKind.FATAL);
    }

    @Test
    void aTableOrColumnTheWriterCannotFindIsFatalWhereverItIsInTheChain() {
        SQLException wrapped =
                new SQLException("writing 1 rows failed", new TableSchemaException("gp.samples has no column nope"));
        assertThat(FailureKind.of(wrapped)).isEqualTo(FailureKind.FATAL);
    }

    @Test
    void unparsableValueIsPoison() {
        assertThat(FailureKind.of(new SQLException("Code: 27. DB::Exception: Cannot parse input")))
                .isEqualTo(FailureKind.POISON);
    }

    @Test
    void backoffGrowsAndIsCapped() {
        RetryPolicy p = new RetryPolicy(5, 100, 1000);
        assertThat(p.backoffMillis(1)).isEqualTo(100);
        assertThat(p.backoffMillis(2)).isEqualTo(200);
        assertThat(p.backoffMillis(10)).isEqualTo(1000);
    }

    @Test
    void aValueTheClientCannotConvertIsPoisonNotRetried() {
        var refused = new java.sql.SQLException(
                new IllegalArgumentException("Cannot convert 2026-11-22 12:56:30.729 to DateTime"));
        assertThat(FailureKind.of(refused)).isEqualTo(FailureKind.POISON);
        assertThat(FailureKind.of(new java.sql.SQLException("no answer", new java.net.SocketException("reset"))))
                .isEqualTo(FailureKind.RETRIABLE);
    }
}
