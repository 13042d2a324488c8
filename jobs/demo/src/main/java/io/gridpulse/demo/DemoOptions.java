package io.gridpulse.demo;

import java.time.YearMonth;

/**
 * What the demo city generator makes. {@link #defaults()} is a Yulin-sized month; {@link #small()}
 * is a tiny preset for tests (well under a second). Immutable; build variants with {@link
 * #toBuilder()}.
 *
 * @param seed the seed of every random choice: same options, byte-identical files
 * @param month the month of the case and sensor feeds
 * @param cases number of cases (reports), including repeated reports and bursts
 * @param vehicles number of vehicles (about a third of them muck trucks)
 * @param sensors number of sensors
 * @param vehicleFirstDay day of {@code month} the vehicle week starts (default the 12th: a normal
 *     week after the National Day holiday)
 * @param vehicleDays number of days of vehicle positions
 * @param sensorFirstDay day of {@code month} the sensor readings start
 * @param sensorDays number of days of sensor readings (clipped to the month)
 * @param sensorIntervalMinSeconds shortest reporting interval of a sensor
 * @param sensorIntervalMaxSeconds longest reporting interval of a sensor
 * @param redeliveryShare share of valid lines sent twice, byte-identical
 * @param outOfOrderShare share of valid lines delayed behind later ones
 * @param outOfOrderMaxSeconds how far a delayed line can fall behind, in event-time seconds
 * @param badShare share of bad lines among all lines of a feed
 * @param oversizedLine whether the case feed carries one line over 1 MB (TOO_LARGE)
 * @param gridSites Voronoi sites of the grid partition (about the number of grids)
 */
public record DemoOptions(
        long seed,
        YearMonth month,
        int cases,
        int vehicles,
        int sensors,
        int vehicleFirstDay,
        int vehicleDays,
        int sensorFirstDay,
        int sensorDays,
        int sensorIntervalMinSeconds,
        int sensorIntervalMaxSeconds,
        double redeliveryShare,
        double outOfOrderShare,
        int outOfOrderMaxSeconds,
        double badShare,
        boolean oversizedLine,
        int gridSites) {

    public DemoOptions {
        if (month == null) {
            throw new IllegalArgumentException("month is required");
        }
        if (cases < 0 || vehicles < 0 || sensors < 0) {
            throw new IllegalArgumentException("cases, vehicles and sensors must not be negative");
        }
        if (vehicleFirstDay < 1 || vehicleFirstDay > month.lengthOfMonth() || vehicleDays < 0) {
            throw new IllegalArgumentException("vehicle days outside " + month + ": first day " + vehicleFirstDay);
        }
        if (sensorFirstDay < 1 || sensorFirstDay > month.lengthOfMonth() || sensorDays < 0) {
            throw new IllegalArgumentException("sensor days outside " + month + ": first day " + sensorFirstDay);
        }
        if (sensorIntervalMinSeconds < 60 || sensorIntervalMaxSeconds < sensorIntervalMinSeconds) {
            throw new IllegalArgumentException("sensor interval range must be at least 60 s and ordered: "
                    + sensorIntervalMinSeconds + ".." + sensorIntervalMaxSeconds);
        }
        for (double share : new double[] {redeliveryShare, outOfOrderShare, badShare}) {
            if (share < 0 || share >= 0.5) {
                throw new IllegalArgumentException("noise shares must be in [0, 0.5): " + share);
            }
        }
        if (gridSites < 50) {
            throw new IllegalArgumentException("at least 50 grid sites, got " + gridSites);
        }
    }

    /** October 2026 (the National Day holiday week shows the calendar), 13,000 cases, 300 vehicles, 500 sensors. */
    public static DemoOptions defaults() {
        return builder().build();
    }

    /** A tiny preset for tests: 300 cases, 10 vehicles over 1 day, 20 sensors over 2 days, no 1 MB line. */
    public static DemoOptions small() {
        return builder()
                .cases(300)
                .vehicles(10)
                .vehicleDays(1)
                .sensors(20)
                .sensorFirstDay(12)
                .sensorDays(2)
                .badShare(0.02)
                .oversizedLine(false)
                .gridSites(300)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.month = month;
        b.cases = cases;
        b.vehicles = vehicles;
        b.sensors = sensors;
        b.vehicleFirstDay = vehicleFirstDay;
        b.vehicleDays = vehicleDays;
        b.sensorFirstDay = sensorFirstDay;
        b.sensorDays = sensorDays;
        b.sensorIntervalMinSeconds = sensorIntervalMinSeconds;
        b.sensorIntervalMaxSeconds = sensorIntervalMaxSeconds;
        b.redeliveryShare = redeliveryShare;
        b.outOfOrderShare = outOfOrderShare;
        b.outOfOrderMaxSeconds = outOfOrderMaxSeconds;
        b.badShare = badShare;
        b.oversizedLine = oversizedLine;
        b.gridSites = gridSites;
        return b;
    }

    /** Builder with the defaults of {@link #defaults()}. Not thread-safe. */
    public static final class Builder {
        private long seed = 20261001L;
        private YearMonth month = YearMonth.of(2026, 10);
        private int cases = 13_000;
        private int vehicles = 300;
        private int sensors = 500;
        private int vehicleFirstDay = 12;
        private int vehicleDays = 7;
        private int sensorFirstDay = 1;
        private int sensorDays = 31;
        private int sensorIntervalMinSeconds = 300;
        private int sensorIntervalMaxSeconds = 900;
        private double redeliveryShare = 0.01;
        private double outOfOrderShare = 0.02;
        private int outOfOrderMaxSeconds = 600;
        private double badShare = 0.003;
        private boolean oversizedLine = true;
        private int gridSites = 1050;

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder month(YearMonth v) {
            month = v;
            return this;
        }

        public Builder cases(int v) {
            cases = v;
            return this;
        }

        public Builder vehicles(int v) {
            vehicles = v;
            return this;
        }

        public Builder sensors(int v) {
            sensors = v;
            return this;
        }

        public Builder vehicleFirstDay(int v) {
            vehicleFirstDay = v;
            return this;
        }

        public Builder vehicleDays(int v) {
            vehicleDays = v;
            return this;
        }

        public Builder sensorFirstDay(int v) {
            sensorFirstDay = v;
            return this;
        }

        public Builder sensorDays(int v) {
            sensorDays = v;
            return this;
        }

        public Builder sensorInterval(int minSeconds, int maxSeconds) {
            sensorIntervalMinSeconds = minSeconds;
            sensorIntervalMaxSeconds = maxSeconds;
            return this;
        }

        public Builder redeliveryShare(double v) {
            redeliveryShare = v;
            return this;
        }

        public Builder outOfOrder(double share, int maxSeconds) {
            outOfOrderShare = share;
            outOfOrderMaxSeconds = maxSeconds;
            return this;
        }

        public Builder badShare(double v) {
            badShare = v;
            return this;
        }

        public Builder oversizedLine(boolean v) {
            oversizedLine = v;
            return this;
        }

        public Builder gridSites(int v) {
            gridSites = v;
            return this;
        }

        public DemoOptions build() {
            return new DemoOptions(
                    seed,
                    month,
                    cases,
                    vehicles,
                    sensors,
                    vehicleFirstDay,
                    vehicleDays,
                    sensorFirstDay,
                    sensorDays,
                    sensorIntervalMinSeconds,
                    sensorIntervalMaxSeconds,
                    redeliveryShare,
                    outOfOrderShare,
                    outOfOrderMaxSeconds,
                    badShare,
                    oversizedLine,
                    gridSites);
        }
    }
}
