package io.gridpulse.domain.sensor;

/**
 * One sensor's run of readings satisfying one rule. Flat fields for Flink state. Immutable.
 *
 * @param run readings in a row satisfying the rule (0 when the last one did not)
 * @param runStart time of the first of them
 * @param alarmTime when the alarm of this episode was raised, -1 while none was
 */
public record RuleRun(int run, long runStart, long alarmTime) {

    public static final RuleRun NONE = new RuleRun(0, 0, -1);

    public boolean alarmed() {
        return alarmTime >= 0;
    }
}
