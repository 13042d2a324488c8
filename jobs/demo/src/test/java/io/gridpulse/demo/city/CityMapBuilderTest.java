package io.gridpulse.demo.city;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.demo.city.CityMap.Community;
import io.gridpulse.demo.city.CityMap.Grid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** The default-size city: grid count, codes, and a gap-free, overlap-free partition. */
class CityMapBuilderTest {

    private static CityMap city;

    @BeforeAll
    static void build() {
        city = new CityMapBuilder(
                        20261001L, io.gridpulse.demo.DemoOptions.defaults().gridSites())
                .build();
    }

    @Test
    void defaultCityHasBetween600And1500Grids() {
        assertThat(city.grids).hasSizeBetween(600, 1500);
        assertThat(city.districts).hasSizeBetween(4, 6);
    }

    @Test
    void gridCodesAreUniqueAndOfTheStandardShape() {
        Set<String> codes = new HashSet<>();
        for (Grid g : city.grids) {
            Community c = city.communities.get(g.community());
            CityMap.Street s = city.streets.get(c.street());
            String prefix = city.districts.get(s.district()).code() + s.code() + c.code();
            assertThat(g.code()).matches("^[0-9]{6}[0-9]{3}[0-9]{3}[0-9]{2,3}$").startsWith(prefix);
            assertThat(codes.add(g.code())).as("duplicate code %s", g.code()).isTrue();
        }
    }

    @Test
    void gridsOfEachCommunityCoverItWithoutGapsOrOverlaps() {
        Map<Integer, List<Grid>> byCommunity = city.grids.stream().collect(Collectors.groupingBy(Grid::community));
        assertThat(byCommunity).hasSize(city.communities.size());
        for (Community c : city.communities) {
            List<Geometry> parts = new ArrayList<>();
            double sum = 0;
            for (Grid g : byCommunity.get(c.index())) {
                parts.add(g.geometry());
                sum += g.geometry().getArea();
            }
            Geometry union = UnaryUnionOp.union(parts);
            double area = c.geometry().getArea();
            // overlaps make the sum exceed the union; gaps make the union fall short of the community
            assertThat(Math.abs(sum - union.getArea()) / area)
                    .as("overlap in %s", c.name())
                    .isLessThan(1e-9);
            assertThat(Math.abs(union.getArea() - area) / area)
                    .as("gap in %s", c.name())
                    .isLessThan(1e-9);
            assertThat(c.geometry().symDifference(union).getArea() / area).isLessThan(1e-9);
        }
    }

    @Test
    void communitiesPartitionTheCity() {
        double sum = city.communities.stream()
                .mapToDouble(c -> c.geometry().getArea())
                .sum();
        assertThat(Math.abs(sum - city.boundary.getArea()) / city.boundary.getArea())
                .isLessThan(1e-9);
    }

    @Test
    void sameSeedGivesTheSameCity() {
        CityMap again = new CityMapBuilder(
                        20261001L, io.gridpulse.demo.DemoOptions.defaults().gridSites())
                .build();
        assertThat(again.grids).hasSameSizeAs(city.grids);
        for (int i = 0; i < city.grids.size(); i++) {
            assertThat(again.grids.get(i).code()).isEqualTo(city.grids.get(i).code());
            assertThat(again.grids
                            .get(i)
                            .geometry()
                            .equalsExact(city.grids.get(i).geometry()))
                    .isTrue();
        }
    }
}
