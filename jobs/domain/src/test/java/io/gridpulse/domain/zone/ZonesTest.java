package io.gridpulse.domain.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.domain.geo.CoordinateTransform;
import io.gridpulse.domain.geo.Crs;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ZonesTest {

    private static byte[] collection(String... features) {
        return ("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String square(String props, double x, double y, double d) {
        return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[" + x + "," + y + "],[" + (x + d) + "," + y + "],[" + (x + d) + ","
                + (y + d) + "],[" + x + "," + (y + d) + "],[" + x + "," + y + "]]]}}";
    }

    @Test
    void readsRestrictedZonesWithHoursAndDisposalSites() {
        Zones z = Zones.parse(
                collection(
                        square(
                                "\"id\":\"R1\",\"type\":\"RESTRICTED\",\"hours\":\"22:00-06:00\",\"name\":\"老城\"",
                                120,
                                30,
                                0.01),
                        square("\"id\":\"D1\",\"type\":\"DISPOSAL_SITE\"", 121, 31, 0.01)),
                Crs.WGS84);
        assertThat(z.restricted()).hasSize(1);
        assertThat(z.restricted().get(0).hours().toString()).isEqualTo("22:00-06:00");
        assertThat(z.restricted().get(0).name()).isEqualTo("老城");
        assertThat(z.inDisposalSite(121.005, 31.005)).isTrue();
        assertThat(z.inDisposalSite(121.02, 31.005)).isFalse();
        // a vertex of the site counts as inside
        assertThat(z.inDisposalSite(121, 31)).isTrue();
    }

    @Test
    void zonesInAnOffsetSystemAreConvertedToWgs84() {
        Zones z =
                Zones.parse(collection(square("\"id\":\"D1\",\"type\":\"DISPOSAL_SITE\"", 121, 31, 0.002)), Crs.GCJ02);
        double[] wgsCentre = CoordinateTransform.toWgs84(Crs.GCJ02, 121.001, 31.001);
        assertThat(z.inDisposalSite(wgsCentre[0], wgsCentre[1])).isTrue();
        assertThat(z.inDisposalSite(121.001, 31.001)).isFalse();
    }

    @Test
    void restrictedZoneWithoutHoursAndUnknownTypesAreNamedInTheError() {
        assertThatThrownBy(() -> Zones.parse(
                        collection(
                                square("\"id\":\"R1\",\"type\":\"RESTRICTED\"", 120, 30, 0.01),
                                square("\"id\":\"X\",\"type\":\"PARK\"", 120, 30, 0.01),
                                square("\"id\":\"R1\",\"type\":\"DISPOSAL_SITE\"", 120, 30, 0.01)),
                        Crs.WGS84))
                .hasMessageContaining("id=R1")
                .hasMessageContaining("needs hours")
                .hasMessageContaining("PARK")
                .hasMessageContaining("duplicate id");
    }
}
