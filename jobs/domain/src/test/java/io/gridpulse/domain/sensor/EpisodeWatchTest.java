package io.gridpulse.domain.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.reference.SensorRule;
import org.junit.jupiter.api.Test;

class EpisodeWatchTest {

    private final SensorRule rule = new SensorRule("BIN_FILL", SensorRule.Operator.GE, 90, 3, "WARNING", "10302");

    @Test
    void alarmAtTheReadingCompletingTheRunOncePerEpisodeEndedByTheFirstReadingBelow() {
        double[] v = {95, 91, 50, 90, 92, 99, 97, 10, 95};
        long raised = -1;
        long ended = -1;
        int alarms = 0;
        RuleRun r = RuleRun.NONE;
        for (int i = 0; i < v.length; i++) {
            EpisodeWatch.Step s = EpisodeWatch.onReading(r, rule, i, v[i]);
            if (s.raised() >= 0) {
                raised = s.raised();
                alarms++;
            }
            if (s.endedAt() >= 0) {
                ended = s.endedAt();
            }
            r = s.run();
        }
        assertThat(alarms).isEqualTo(1);
        assertThat(raised).isEqualTo(5);
        assertThat(ended).isEqualTo(7);
    }

    @Test
    void consecutiveOneAlarmsOnTheFirstMatchingReading() {
        SensorRule one = new SensorRule("T", SensorRule.Operator.GT, 1, 1, "W", null);
        EpisodeWatch.Step s = EpisodeWatch.onReading(RuleRun.NONE, one, 7, 2);
        assertThat(s.raised()).isEqualTo(7);
        assertThat(EpisodeWatch.onReading(s.run(), one, 8, 3).raised()).isEqualTo(-1);
    }

    @Test
    void nanNeverMatchesAndEndsAnEpisode() {
        SensorRule one = new SensorRule("T", SensorRule.Operator.GT, 1, 1, "W", null);
        EpisodeWatch.Step s = EpisodeWatch.onReading(RuleRun.NONE, one, 7, 2);
        assertThat(EpisodeWatch.onReading(s.run(), one, 8, Double.NaN).endedAt())
                .isEqualTo(8);
    }
}
