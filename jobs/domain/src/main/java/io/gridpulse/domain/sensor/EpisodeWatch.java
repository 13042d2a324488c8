package io.gridpulse.domain.sensor;

import io.gridpulse.domain.reference.SensorRule;

/**
 * SENSOR_ALARM (传感器告警) for one sensor and one rule, over its readings in time order: when
 * {@code consecutive} readings in a row satisfy the rule, an alarm is raised at the time of the
 * reading that completes the run; one alarm per episode; the episode ends at the first reading
 * that does not satisfy the rule, which becomes the alarm's {@code ended_at}. Stateless;
 * thread-safe.
 */
public final class EpisodeWatch {

    private EpisodeWatch() {}

    /**
     * What one reading does to a run.
     *
     * @param raised the alarm instant when this reading completed the run, else -1
     * @param endedAt when this reading ended an alarmed episode, else -1
     */
    public record Step(RuleRun run, long raised, long endedAt) {}

    public static Step onReading(RuleRun r, SensorRule rule, long t, double value) {
        if (rule.matches(value)) {
            int run = r.run() + 1;
            long start = r.run() == 0 ? t : r.runStart();
            if (!r.alarmed() && run >= rule.consecutive()) {
                return new Step(new RuleRun(run, start, t), t, -1);
            }
            return new Step(new RuleRun(run, start, r.alarmTime()), -1, -1);
        }
        return new Step(RuleRun.NONE, -1, r.alarmed() ? t : -1);
    }
}
