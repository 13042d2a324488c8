package io.gridpulse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardQueryTest {

    @Test
    void everyCookbookFileParsesWithItsDeclaredParameters() {
        var all = DashboardQueries.loadAll();
        assertThat(all.keySet()).containsExactlyElementsOf(DashboardQueries.NAMES);
        all.values().forEach(q -> assertThat(q.body()).doesNotContain("--").contains("SELECT"));
    }

    @Test
    void bindsAMonthAsItsFirstDayAndChecksClosedLists() {
        DashboardQuery q = DashboardQueries.loadAll().get("cases_by_area");
        assertThat(q.bind(Map.of("from", "2026-10", "to", "2026-10-31", "level", "street", "parent", "城中区")))
                .containsEntry("from", "2026-10-01")
                .containsEntry("level", "street");
        assertThatThrownBy(() -> q.bind(Map.of("from", "2026-10", "to", "2026-10", "level", "city", "parent", "")))
                .hasMessageContaining("level must be one of");
    }

    @Test
    void refusesUnknownNamesMissingOnesAndMalformedValues() {
        DashboardQuery q = DashboardQueries.loadAll().get("hotspot_grids");
        assertThatThrownBy(() -> q.bind(Map.of("month", "2026-10", "limit", "5", "sql", "1")))
                .hasMessageContaining("unknown parameter 'sql'");
        assertThatThrownBy(() -> q.bind(Map.of("month", "2026-10"))).hasMessageContaining("missing parameter 'limit'");
        assertThatThrownBy(() -> q.bind(Map.of("month", "October", "limit", "5")))
                .hasMessageContaining("must be a date");
        assertThatThrownBy(() -> q.bind(Map.of("month", "2026-10", "limit", "-1")))
                .hasMessageContaining("0..");
        DashboardQuery o = DashboardQueries.loadAll().get("overdue_open");
        assertThatThrownBy(() -> o.bind(Map.of("department", "x' OR 1=1 --", "limit", "5")))
                .hasMessageContaining("characters");
    }

    @Test
    void headerAndPlaceholdersMustAgree() {
        assertThatThrownBy(() -> DashboardQuery.parse("bad", "-- @param a Date: x\nSELECT {b:Date}"))
                .isInstanceOf(IllegalStateException.class);
    }
}
