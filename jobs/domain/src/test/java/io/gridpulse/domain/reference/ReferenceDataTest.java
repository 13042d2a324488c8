package io.gridpulse.domain.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridpulse.domain.calendar.TimeLimit;
import io.gridpulse.domain.model.VehicleType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

    private static byte[] csv(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void catalogParsesEveryColumn() {
        Catalog c = Catalog.parseCsv(csv("code,kind,major,minor,name,limit,department\n"
                + "0101,EVENT,市容环境,暴露垃圾,\"暴露垃圾,积存渣土\",4wh,HW\n0205,COMPONENT,公用设施,井盖,井盖缺失,2h,\n"));
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.category("0101"))
                .contains(new Category(
                        "0101", CategoryKind.EVENT, "市容环境", "暴露垃圾", "暴露垃圾,积存渣土", TimeLimit.parse("4wh"), "HW"));
        assertThat(c.category("0205").orElseThrow().department()).isNull();
        assertThat(c.contains("9999")).isFalse();
        assertThat(c.category(null)).isEmpty();
    }

    @Test
    void catalogWithoutDepartmentColumn() {
        Catalog c = Catalog.parseCsv(csv("code,kind,major,minor,name,limit\n1,EVENT,a,b,c,3wd\n"));
        assertThat(c.category("1").orElseThrow().limit()).isEqualTo(new TimeLimit(3, TimeLimit.Unit.WORKING_DAYS));
    }

    @Test
    void catalogErrorsNameTheLine() {
        String header = "code,kind,major,minor,name,limit\n";
        assertThatThrownBy(() -> Catalog.parseCsv(csv(header + "1,EVENT,a,b,c,2h\n1,EVENT,a,b,c,2h\n")))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessage("catalog line 3: duplicate code '1'");
        assertThatThrownBy(() -> Catalog.parseCsv(csv(header + "1,THING,a,b,c,2h\n")))
                .hasMessageStartingWith("catalog line 2: kind");
        assertThatThrownBy(() -> Catalog.parseCsv(csv(header + "1,EVENT,a,b,c,2d\n")))
                .hasMessageStartingWith("catalog line 2: not a time limit");
        assertThatThrownBy(() -> Catalog.parseCsv(csv(header + "\n1,EVENT,a,b,,2h\n")))
                .hasMessage("catalog line 3: column 'name' is empty");
        assertThatThrownBy(() -> Catalog.parseCsv(csv("code,kind,major,minor,name\n")))
                .hasMessage("catalog line 1: missing column 'limit'");
    }

    @Test
    void departmentsWithParents() {
        Departments d = Departments.parseCsv(csv("code,name,parent\nCG,城市管理局,\nHW,环卫处,CG\n"));
        assertThat(d.department("HW")).contains(new Department("HW", "环卫处", "CG"));
        assertThat(d.department("CG").orElseThrow().parent()).isNull();
        assertThat(d.contains("XX")).isFalse();
        assertThat(Departments.parseCsv(csv("code,name\nA,a\n")).size()).isEqualTo(1);
    }

    @Test
    void departmentErrors() {
        assertThatThrownBy(() -> Departments.parseCsv(csv("code,name,parent\nHW,环卫处,XX\n")))
                .hasMessage("departments line 2: parent 'XX' of 'HW' is not a department code");
        assertThatThrownBy(() -> Departments.parseCsv(csv("code,name,parent\nA,a,B\nB,b,A\n")))
                .hasMessageContaining("its own ancestor");
        assertThatThrownBy(() -> Departments.parseCsv(csv("code,name\nA,a\nA,b\n")))
                .hasMessage("departments line 3: duplicate code 'A'");
    }

    @Test
    void vehicleRegistryAndTypeFallback() {
        VehicleRegistry r = VehicleRegistry.parseCsv(
                csv("vehicleId,type,plate,company\nv1,MUCK,鄂A12345,\"渣土运输有限公司\"\nv2,SWEEPER,,\n"));
        assertThat(r.vehicle("v1")).contains(new Vehicle("v1", VehicleType.MUCK, "鄂A12345", "渣土运输有限公司"));
        assertThat(r.vehicle("v2").orElseThrow().plate()).isNull();
        assertThat(r.typeOf("v1", null)).isEqualTo(VehicleType.MUCK);
        assertThat(r.typeOf("v1", VehicleType.PATROL))
                .as("the feed's own type wins")
                .isEqualTo(VehicleType.PATROL);
        assertThat(r.typeOf("unknown", null)).isEqualTo(VehicleType.OTHER);
        assertThatThrownBy(() -> VehicleRegistry.parseCsv(csv("vehicleId,type,plate,company\nv1,muck,,\n")))
                .hasMessageStartingWith("vehicles line 2: type 'muck'");
    }

    @Test
    void sensorRegistry() {
        SensorRegistry r =
                SensorRegistry.parseCsv(csv("sensorId,type,lon,lat,intervalSeconds\ns1,BIN_FILL,114.3,30.5,600\n"));
        assertThat(r.sensor("s1")).contains(new Sensor("s1", "BIN_FILL", 114.3, 30.5, 600));
        String header = "sensorId,type,lon,lat,intervalSeconds\n";
        assertThatThrownBy(() -> SensorRegistry.parseCsv(csv(header + "s1,X,190,30,60\n")))
                .hasMessage("sensors line 2: lon must be in [-180, 180], got 190.0");
        assertThatThrownBy(() -> SensorRegistry.parseCsv(csv(header + "s1,X,NaN,30,60\n")))
                .hasMessageContaining("finite decimal");
        assertThatThrownBy(() -> SensorRegistry.parseCsv(csv(header + "s1,X,114,30,0\n")))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> SensorRegistry.parseCsv(csv(header + "s1,X,114,30,1.5\n")))
                .hasMessageContaining("integer");
    }

    @Test
    void sensorRulesMatchWithEachOperator() {
        SensorRules rules = SensorRules.parseCsv(
                csv(
                        "type,operator,threshold,consecutive,severity,categoryCode\n"
                                + "BIN_FILL,>=,90,2,WARNING,0101\nBIN_FILL,>,98,1,CRITICAL,\nWATER_LEVEL,<,0.5,3,LOW,\nNOISE,<=,-1,1,X,\n"));
        assertThat(rules.rulesFor("BIN_FILL")).hasSize(2);
        SensorRule warn = rules.rulesFor("BIN_FILL").get(0);
        assertThat(warn.categoryCode()).isEqualTo("0101");
        assertThat(warn.consecutive()).isEqualTo(2);
        assertThat(warn.matches(90)).as(">= at the threshold").isTrue();
        assertThat(warn.matches(89.99)).isFalse();
        SensorRule critical = rules.rulesFor("BIN_FILL").get(1);
        assertThat(critical.matches(98)).as("> at the threshold").isFalse();
        assertThat(critical.matches(98.01)).isTrue();
        SensorRule low = rules.rulesFor("WATER_LEVEL").get(0);
        assertThat(low.matches(0.5)).as("< at the threshold").isFalse();
        assertThat(low.matches(0.49)).isTrue();
        SensorRule le = rules.rulesFor("NOISE").get(0);
        assertThat(le.matches(-1)).as("<= at the threshold").isTrue();
        assertThat(le.matches(Double.NaN)).isFalse();
        assertThat(rules.rulesFor("PM10")).isEmpty();
    }

    @Test
    void sensorRuleErrors() {
        String header = "type,operator,threshold,consecutive,severity\n";
        assertThatThrownBy(() -> SensorRules.parseCsv(csv(header + "X,=>,1,1,W\n")))
                .hasMessage("sensor-rules line 2: operator must be one of > >= < <=, got '=>'");
        assertThatThrownBy(() -> SensorRules.parseCsv(csv(header + "X,>,1,0,W\n")))
                .hasMessage("sensor-rules line 2: consecutive must be at least 1, got 0");
        assertThatThrownBy(() -> SensorRules.parseCsv(csv(header + "X,>,abc,1,W\n")))
                .hasMessageContaining("threshold");
    }
}
