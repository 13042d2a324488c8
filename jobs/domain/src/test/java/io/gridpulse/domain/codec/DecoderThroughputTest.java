package io.gridpulse.domain.codec;

import static io.gridpulse.domain.codec.CodecFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A quick micro-measure of the hot path, printed and never asserted (shared 2-core machines make
 * timings noisy); a proper JMH benchmark belongs apart from the tests.
 */
class DecoderThroughputTest {

    @Test
    void measuresValidVehiclePositionsPerSecond() {
        byte[][] records = new byte[1000][];
        for (int i = 0; i < records.length; i++) {
            records[i] =
                    utf8(json(with(with(VEHICLE, "vehicleId", "'v" + i + "'"), "lon", String.valueOf(114 + i / 1e4))));
        }
        int accepted = run(records, 50_000); // warm-up
        long start = System.nanoTime();
        int n = 150_000;
        accepted += run(records, n);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "VehiclePositionDecoder: %,d valid positions in %.2f s = %,.0f records/s (%.2f us each, one thread)%n",
                n, seconds, n / seconds, seconds * 1e6 / n);
        assertThat(accepted).isEqualTo(50_000 + n);
    }

    private static int run(byte[][] records, int n) {
        int ok = 0;
        for (int i = 0; i < n; i++) {
            if (VEHICLES.decode(records[i % records.length], WALL).isOk()) {
                ok++;
            }
        }
        return ok;
    }
}
