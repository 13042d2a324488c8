package io.gridpulse.flink.vehicles;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.domain.vehicle.PeriodTotals;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class DayGridsTest {

    private static final OpenPeriods DAY = OpenPeriods.NONE.withTotals(0, PeriodTotals.ZERO, 20_000, PeriodTotals.ZERO);

    @Test
    void aGridLeftKeepsItsVisitsAndAReturnUpdatesThemInsteadOfAddingARow() {
        OpenPeriods p = DAY.inGrid("G1", new GridVisits(1, 3, 10, 30))
                .inGrid("G2", new GridVisits(1, 1, 40, 40))
                .inGrid("G3", new GridVisits(1, 2, 50, 60));
        assertThat(p.visitsOf("G1")).isEqualTo(new GridVisits(1, 3, 10, 30));
        assertThat(p.visitsOf("G2")).isEqualTo(new GridVisits(1, 1, 40, 40));
        assertThat(p.visitsOf("G3")).isEqualTo(new GridVisits(1, 2, 50, 60));
        assertThat(p.visitsOf("G9")).isNull();

        p = p.inGrid("G1", new GridVisits(2, 4, 10, 70)).inGrid("G2", new GridVisits(2, 2, 40, 80));
        DayGrids all = p.allGrids();
        assertThat(all.size).isEqualTo(3);
        assertThat(all.get("G1")).isEqualTo(new GridVisits(2, 4, 10, 70));
        assertThat(all.get("G2")).isEqualTo(new GridVisits(2, 2, 40, 80));
        assertThat(all.get("G3")).isEqualTo(new GridVisits(1, 2, 50, 60));
        assertThat(p.withoutDay().otherGrids()).isNull();
        assertThat(p.withoutDay().visitsOf("G1")).isNull();
    }

    @Test
    void holdsADayOfManyGridsWithCodesOfEqualHash() {
        DayGrids d = new DayGrids();
        for (int i = 0; i < 2_000; i++) {
            d.put("G" + i, new GridVisits(1, i + 1, i, i));
        }
        // "Aa" and "BB" have the same String.hashCode
        d.put("Aa", new GridVisits(1, 1, 1, 1));
        d.put("BB", new GridVisits(2, 2, 2, 2));
        assertThat(d.size).isEqualTo(2_002);
        for (int i = 0; i < 2_000; i++) {
            assertThat(d.get("G" + i)).isEqualTo(new GridVisits(1, i + 1, i, i));
        }
        assertThat(d.get("Aa")).isEqualTo(new GridVisits(1, 1, 1, 1));
        assertThat(d.get("BB")).isEqualTo(new GridVisits(2, 2, 2, 2));
        assertThat(d.get("G2000")).isNull();
    }

    @Test
    void survivesFlinksCopyAndSerializationAsAPojo() throws Exception {
        DayGrids d = new DayGrids();
        for (int i = 0; i < 20; i++) {
            d.put("G" + i, new GridVisits(i, i + 1, i + 2, i + 3));
        }
        TypeSerializer<DayGrids> ser = TypeInformation.of(DayGrids.class).createSerializer(new SerializerConfigImpl());
        assertThat(ser.getClass().getSimpleName()).isEqualTo("PojoSerializer");
        DataOutputSerializer out = new DataOutputSerializer(256);
        ser.serialize(d, out);
        DayGrids back = ser.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        DayGrids copy = ser.copy(d);
        for (DayGrids x : new DayGrids[] {back, copy}) {
            assertThat(x.size).isEqualTo(20);
            assertThat(x.get("G7")).isEqualTo(new GridVisits(7, 8, 9, 10));
            x.put("G7", new GridVisits(0, 0, 0, 0));
            x.put("G20", new GridVisits(1, 1, 1, 1));
        }
        assertThat(d.get("G7")).as("a copy is independent").isEqualTo(new GridVisits(7, 8, 9, 10));
        assertThat(d.get("G20")).isNull();
    }
}
