package io.gridpulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryFailedExceptionTest {

    private static final String UNKNOWN = "Code: 60. DB::Exception: Unknown table expression identifier 'dept_scores'."
            + " (UNKNOWN_TABLE) (version 26.7.2.1)";

    @Test
    void contextGoesInFrontAndTheServersWordsAppearOnce() {
        var e = new ClickHouseHttp.QueryFailedException(404, UNKNOWN).withContext("dashboard query dept_ranking");
        assertThat(e.getMessage())
                .startsWith("dashboard query dept_ranking: ClickHouse answered 404: Code: 60.")
                .containsOnlyOnce("ClickHouse answered")
                .containsOnlyOnce("UNKNOWN_TABLE");
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.missingTable()).isTrue();
    }

    @Test
    void aContextThatMentionsTablesDoesNotMakeAMissingTable() {
        var e = new ClickHouseHttp.QueryFailedException(500, "Code: 241. DB::Exception: Memory limit exceeded")
                .withContext("dashboard query over an Unknown table list");
        assertThat(e.missingTable()).isFalse();
    }
}
