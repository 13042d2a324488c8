package io.gridpulse.domain.alert.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.domain.reference.ReferenceDataException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HotspotRulesTest {

    private static HotspotRules parse(String csv) {
        return HotspotRules.parseCsv(csv.getBytes(StandardCharsets.UTF_8), HotspotRule.DEFAULT);
    }

    @Test
    void listedCategoriesOverrideTheDefault() {
        HotspotRules r = parse("categoryCode,k,windowMinutes\n0101,3,30\n0202,5,60\n");
        assertThat(r.ruleFor("0101")).isEqualTo(HotspotRule.ofMinutes(3, 30));
        assertThat(r.ruleFor("9999")).isEqualTo(HotspotRule.DEFAULT);
        // 0202 repeats the default: one CEP operator serves both
        assertThat(r.distinctRules()).containsExactly(HotspotRule.DEFAULT, HotspotRule.ofMinutes(3, 30));
    }

    @Test
    void badLinesAreNamed() {
        assertThatThrownBy(() -> parse("categoryCode,k,windowMinutes\n0101,1,30\n"))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("k must be at least 2");
        assertThatThrownBy(() -> parse("categoryCode,k,windowMinutes\n0101,3,-1\n"))
                .hasMessageContaining("cannot be negative");
        assertThatThrownBy(() -> parse("categoryCode,k,windowMinutes\n0101,3,10\n0101,4,10\n"))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> parse("categoryCode,k\n0101,3\n")).isInstanceOf(ReferenceDataException.class);
        assertThatThrownBy(() -> parse("categoryCode,k,windowMinutes\n0101,x,10\n"))
                .isInstanceOf(ReferenceDataException.class);
    }

    @Test
    void aRuleNeedsTwoReportsAndANonNegativeWindow() {
        assertThatThrownBy(() -> new HotspotRule(1, 0)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> new HotspotRule(2, -1)).hasMessageContaining("negative");
    }
}
