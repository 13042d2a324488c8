package io.gridpulse.domain.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static List<Csv.Row> read(String text) {
        return Csv.read(text.getBytes(StandardCharsets.UTF_8), "test");
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        List<Csv.Row> rows = read("a,b\r\n\"暴露垃圾,渣土\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\nlast,row");
        assertThat(rows)
                .extracting(Csv.Row::fields)
                .containsExactly(
                        List.of("a", "b"),
                        List.of("暴露垃圾,渣土", "say \"hi\""),
                        List.of("two\nlines", "x"),
                        List.of("last", "row"));
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 3, 5);
    }

    @Test
    void bomIsToleratedAndBlankLinesSkipped() {
        List<Csv.Row> rows = read("\uFEFFa,b\n\n   \n1,2\n\n");
        assertThat(rows).extracting(Csv.Row::fields).containsExactly(List.of("a", "b"), List.of("1", "2"));
        assertThat(rows.get(1).line()).isEqualTo(4);
    }

    @Test
    void emptyFieldsAreKept() {
        assertThat(read("a,,\n").get(0).fields()).containsExactly("a", "", "");
    }

    @Test
    void unclosedQuoteNamesItsLine() {
        assertThatThrownBy(() -> read("a,b\n1,\"open\n"))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessage("test line 2: a quoted field is never closed");
    }

    @Test
    void textAfterClosingQuoteIsAnError() {
        assertThatThrownBy(() -> read("a\n\"x\"y\n"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("after a closing quote");
    }

    @Test
    void invalidUtf8NamesItsLine() {
        byte[] data = {'a', '\n', 'b', (byte) 0xFF, '\n'};
        assertThatThrownBy(() -> Csv.read(data, "test")).hasMessageStartingWith("test line 2: not valid UTF-8");
    }

    @Test
    void tableChecksColumns() {
        byte[] data = "code,nmae\nx,y\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Csv.Table.read(data, "departments", List.of("code", "name"), List.of("parent")))
                .hasMessageStartingWith("departments line 1: unknown column 'nmae'");
        byte[] ragged = "code,name\nx\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Csv.Table.read(ragged, "departments", List.of("code", "name"), List.of()))
                .hasMessage("departments line 2: expected 2 fields, got 1");
        assertThatThrownBy(() -> Csv.Table.read(new byte[0], "departments", List.of("code"), List.of()))
                .hasMessageContaining("empty file");
    }
}
