package io.gridpulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridpulse.clickhouse.ClickHouseConnections;
import io.gridpulse.clickhouse.ClickHouseSettings;
import io.gridpulse.demo.DemoCity;
import io.gridpulse.demo.DemoOptions;
import io.gridpulse.report.BulletinWriter;
import io.gridpulse.report.ClickHouseHttp;
import io.gridpulse.report.Rates;
import java.awt.image.BufferedImage;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulletin of a month of generated data, checked against the views: each department's row
 * in the PDF's text carries the disposal and on-time rates that dept_monthly's counts give (and
 * that agree with the view's own rate columns), the CJK font is embedded, and the first page,
 * rendered by poppler's pdftoppm, shows the red Chinese masthead. Page images stay in
 * target/bulletin-it as artefacts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulletinIT {

    @TempDir
    static Path city;

    private ClickHouseSettings ch;
    private YearMonth month;
    private BulletinWriter.Written written;
    private final Path artefacts = Path.of("target", "bulletin-it");

    /** One department's counts and rates as dept_monthly has them. */
    record DeptRow(String department, long due, long disposed, long onTime, Double disposalRate, Double onTimeRate) {}

    @BeforeAll
    void processAMonthAndWriteItsBulletin() throws Exception {
        DemoCity.generate(DemoOptions.small(), city);
        ch = SharedStack.freshDatabase("gp_it_bulletin");
        ProcessOptions options = new ProcessOptions(
                city.resolve("cases.jsonl"),
                city.resolve("vehicles.jsonl"),
                city.resolve("sensors.jsonl"),
                DemoCityFiles.reference(city),
                null,
                false,
                2);
        ProcessCommand.process(options, SharedStack.endpoints(), ch, System.err);
        month = YearMonth.parse(scalarText("SELECT toString(month) FROM " + ch.database()
                        + ".dept_monthly GROUP BY month" + " ORDER BY sum(dispatched) DESC LIMIT 1")
                .substring(0, 7));
        written = BulletinWriter.write(new ClickHouseHttp(ch), month, null, "榆林市数字化城市管理监督指挥中心", artefacts);
    }

    @Test
    void eachDepartmentRowCarriesItsRatesAsTheViewComputesThem() throws Exception {
        List<DeptRow> depts = deptRows();
        assertThat(depts).isNotEmpty();
        List<String> lines = pdfLines();
        for (DeptRow d : depts) {
            String disposal = Rates.percent(d.disposed(), d.due());
            String onTime = Rates.percent(d.onTime(), d.due());
            agrees(disposal, d.disposalRate(), d.department());
            agrees(onTime, d.onTimeRate(), d.department());
            List<String> row = lines.stream()
                    .filter(l -> Arrays.asList(l.trim().split("\\s+")).contains(d.department()))
                    .filter(l -> l.contains(disposal) && l.contains(onTime))
                    .toList();
            assertThat(row)
                    .as(
                            "a line of the PDF with department %s, its disposal rate %s and on-time rate %s",
                            d.department(), disposal, onTime)
                    .isNotEmpty();
        }
    }

    @Test
    void printsTheAsOfTimeAndTheSections() throws Exception {
        String text = String.join("\n", pdfLines());
        assertThat(text)
                .contains("统计截止时间", written.asOf())
                .contains("一、总体情况", "二、专业部门综合考评排名", "三、各部门案件处置情况", "四、超期未处置案件")
                .contains("五、高发问题与热点网格", "六、案件来源", "七、车辆与传感器运行简况");
        assertThat(Files.readString(written.html())).contains("统计截止时间").contains("data:image/png;base64,");
    }

    @Test
    void chineseFontIsEmbedded() throws Exception {
        List<String> embedded = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(written.pdf().toFile())) {
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (var name : res.getFontNames()) {
                    PDFont f = res.getFont(name);
                    assertThat(f.isEmbedded())
                            .as("font %s embedded", f.getName())
                            .isTrue();
                    embedded.add(f.getName());
                }
            }
        }
        assertThat(embedded)
                .anyMatch(n ->
                        n.toLowerCase().contains("wenquanyi") || n.toLowerCase().contains("wqy"));
    }

    @Test
    void firstPageRendersTheRedChineseMasthead() throws Exception {
        Path prefix = artefacts.resolve("page");
        Process p = new ProcessBuilder(
                        "pdftoppm", "-r", "60", "-png", written.pdf().toString(), prefix.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as(new String(p.getInputStream().readAllBytes()))
                .isZero();
        File first = Files.list(artefacts)
                .filter(f -> f.getFileName().toString().matches("page-0*1\\.png"))
                .findFirst()
                .orElseThrow()
                .toFile();
        BufferedImage img = ImageIO.read(first);
        // The masthead and title are red CJK text above a red rule; count red pixels above the
        // rule (the row that is red across most of the width), so the rule itself does not count.
        int rule = -1;
        for (int y = 0; y < img.getHeight() / 3 && rule < 0; y++) {
            int red = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                red += isRed(img.getRGB(x, y)) ? 1 : 0;
            }
            if (red > img.getWidth() / 2) {
                rule = y;
            }
        }
        assertThat(rule).as("the red rule under the masthead").isPositive();
        int glyphPixels = 0;
        for (int y = 0; y < rule - 3; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                glyphPixels += isRed(img.getRGB(x, y)) ? 1 : 0;
            }
        }
        // 28 CJK characters at 20-24 pt and 60 dpi draw well over a thousand red pixels; missing
        // glyphs (blank boxes or nothing) draw a few dozen at most.
        assertThat(glyphPixels).isGreaterThan(1000);
    }

    private static boolean isRed(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r > 150 && g < 110 && b < 110;
    }

    private static void agrees(String printed, Double viewRate, String dept) {
        if (viewRate == null) {
            assertThat(printed).as("%s: NULL rate in the view", dept).isEqualTo(Rates.UNDEFINED);
            return;
        }
        BigDecimal shown = new BigDecimal(printed.substring(0, printed.length() - 1));
        assertThat(shown.doubleValue())
                .as("%s: printed %s vs view %s", dept, printed, viewRate)
                .isCloseTo(viewRate * 100, org.assertj.core.data.Offset.offset(0.0051));
    }

    private List<String> pdfLines() throws Exception {
        try (PDDocument doc = Loader.loadPDF(written.pdf().toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            return List.of(s.getText(doc).split("\\R"));
        }
    }

    private List<DeptRow> deptRows() throws Exception {
        List<DeptRow> out = new ArrayList<>();
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT department, due, disposed, disposed_on_time, disposal_rate,"
                        + " on_time_rate FROM " + ch.database() + ".dept_monthly WHERE month = '" + month.atDay(1)
                        + "' ORDER BY department")) {
            while (rs.next()) {
                out.add(new DeptRow(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getObject(5) == null ? null : rs.getDouble(5),
                        rs.getObject(6) == null ? null : rs.getDouble(6)));
            }
        }
        return out;
    }

    private String scalarText(String sql) throws Exception {
        try (Connection c = ClickHouseConnections.open(ch);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
