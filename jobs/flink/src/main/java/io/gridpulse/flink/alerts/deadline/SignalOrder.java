package io.gridpulse.flink.alerts.deadline;

import org.apache.flink.cep.EventComparator;

/** Orders signals of equal CEP timestamp by {@link ClockSignal#ORDER}, so ties never depend on arrival. */
public final class SignalOrder implements EventComparator<ClockSignal> {

    @Override
    public int compare(ClockSignal a, ClockSignal b) {
        return ClockSignal.ORDER.compare(a, b);
    }
}
