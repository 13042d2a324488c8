package io.gridpulse.flink.common;

import io.gridpulse.domain.codec.CaseEventDecoder;
import io.gridpulse.domain.codec.Decoded;
import io.gridpulse.domain.codec.PhoneHasher;
import io.gridpulse.domain.codec.RawText;
import io.gridpulse.domain.codec.Rejection;
import io.gridpulse.domain.codec.SensorReadingDecoder;
import io.gridpulse.domain.codec.VehiclePositionDecoder;
import io.gridpulse.domain.model.CaseEvent;
import io.gridpulse.domain.model.Feed;
import io.gridpulse.domain.model.SensorReading;
import io.gridpulse.domain.model.VehiclePosition;
import java.io.Serializable;

/**
 * Decodes raw records of one feed into {@link FeedRecord}s. Serializable recipe; the decoders
 * themselves are built on first use in each task.
 */
public final class FeedDecoders implements Serializable {

    private final Feed feed;
    private final ReferenceData reference;
    private final String phoneHashKey;
    private transient CaseEventDecoder cases;
    private transient VehiclePositionDecoder vehicles;
    private transient SensorReadingDecoder sensors;

    public FeedDecoders(Feed feed, ReferenceData reference, String phoneHashKey) {
        this.feed = feed;
        this.reference = reference;
        this.phoneHashKey = phoneHashKey;
    }

    public Feed feed() {
        return feed;
    }

    public FeedRecord decode(byte[] raw, long wallClock, String origin) {
        switch (feed) {
            case CASES -> {
                if (cases == null) {
                    cases = new CaseEventDecoder(
                            reference.catalog(), reference.departments(), PhoneHasher.ofSecret(phoneHashKey));
                }
                Decoded<CaseEvent> d = cases.decode(raw, wallClock);
                return d.isOk()
                        ? new FeedRecord(d.value(), null, null, null, raw, origin)
                        : rejected(d, raw, wallClock, origin);
            }
            case VEHICLES -> {
                if (vehicles == null) {
                    vehicles = new VehiclePositionDecoder();
                }
                Decoded<VehiclePosition> d = vehicles.decode(raw, wallClock);
                return d.isOk()
                        ? new FeedRecord(null, d.value(), null, null, null, origin)
                        : rejected(d, raw, wallClock, origin);
            }
            default -> {
                if (sensors == null) {
                    sensors = new SensorReadingDecoder();
                }
                Decoded<SensorReading> d = sensors.decode(raw, wallClock);
                return d.isOk()
                        ? new FeedRecord(null, null, d.value(), null, null, origin)
                        : rejected(d, raw, wallClock, origin);
            }
        }
    }

    private FeedRecord rejected(Decoded<?> d, byte[] raw, long wallClock, String origin) {
        Rejection r = new Rejection(feed, d.reason(), d.detail(), RawText.sanitize(raw), wallClock, origin);
        return new FeedRecord(null, null, null, r, null, origin);
    }
}
