package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentFileTest {

    @TempDir
    Path dir;

    private AssessmentFile read(String text) throws Exception {
        Path f = dir.resolve("assessment.csv");
        Files.writeString(f, text);
        return AssessmentFile.read(f);
    }

    @Test
    void readsSettingsSkippingCommentsAndBlankLines() throws Exception {
        AssessmentFile a = read("# district weights\nkey,value\n\nweight_on_time_rate, 25\nmin_due,5\ngrade_a,85\n");
        assertThat(a.values()).isEqualTo(Map.of("weight_on_time_rate", 25.0, "min_due", 5.0, "grade_a", 85.0));
    }

    @Test
    void headerOnlyIsAnEmptySetting() throws Exception {
        assertThat(read("key,value\n").values()).isEmpty();
    }

    @Test
    void unknownKeyNamesTheLineAndTheKnownKeys() {
        assertThatThrownBy(() -> read("key,value\nweight_speed,3\n"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("unknown key 'weight_speed'")
                .hasMessageContaining("weight_disposal_rate");
    }

    @Test
    void missingHeaderIsAnError() {
        assertThatThrownBy(() -> read("min_due,5\n")).hasMessageContaining("header 'key,value'");
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
    }

    @Test
    void valuesOutOfRangeAreErrors() {
        assertThatThrownBy(() -> read("key,value\nweight_rework_rate,-1\n")).hasMessageContaining("weight >= 0");
        assertThatThrownBy(() -> read("key,value\ngrade_b,101\n")).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> read("key,value\nmin_due,2.5\n")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> read("key,value\ncheck_within_hours,0\n")).hasMessageContaining("hours > 0");
        assertThatThrownBy(() -> read("key,value\nmin_due,ten\n")).hasMessageContaining("got 'ten'");
        assertThatThrownBy(() -> read("key,value\nmin_due,NaN\n")).hasMessageContaining("min_due must be");
    }

    @Test
    void aKeyGivenTwiceOrGradesOutOfOrderAreErrors() {
        assertThatThrownBy(() -> read("key,value\nmin_due,5\nmin_due,6\n")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> read("key,value\ngrade_a,70\ngrade_b,80\n"))
                .hasMessageContaining("grade_b (80.0) must not exceed grade_a (70.0)");
    }
}
