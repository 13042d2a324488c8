package io.gridpulse.domain.model;

/** The three input feeds of a city platform, each with its Kafka topic. */
public enum Feed {
    CASES("gridpulse.cases"),
    VEHICLES("gridpulse.vehicles"),
    SENSORS("gridpulse.sensors");

    /** Bad records of every feed go here, one record per bad input record. */
    public static final String REJECTED_TOPIC = "gridpulse.rejected";

    /** Alerts of every job, keyed by alert_id. */
    public static final String ALERTS_TOPIC = "gridpulse.alerts";

    private final String topic;

    Feed(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** The lower-case name used in the rejected table and on the command line. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
