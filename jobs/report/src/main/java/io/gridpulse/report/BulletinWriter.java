package io.gridpulse.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one month's bulletin as {@code bulletin-YYYY-MM.html} and {@code .pdf} (with the map as
 * {@code hotspots-YYYY-MM.png}). The figures stand at the as-of time the views read (the latest
 * recorded time of the case feed); asking for another time fails, since the views cannot compute
 * an earlier one for it.
 */
public final class BulletinWriter {

    /** The files written. */
    public record Written(Path html, Path pdf, Path map, String asOf) {}

    private static final DateTimeFormatter CH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private BulletinWriter() {}

    public static Written write(ClickHouseHttp ch, YearMonth month, OffsetDateTime asOf, String issuer, Path outDir)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        String recorded = recordedAsOf(ch);
        if (asOf != null) {
            String wanted = asOf.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).format(CH_TIME);
            if (!recorded.startsWith(wanted)) {
                throw new IllegalArgumentException("the views stand at " + recorded + " (Asia/Shanghai), not at "
                        + wanted + ": run `gridpulse process --as-of " + asOf + "` first, or leave out --as-of");
            }
        }
        DashboardQueries queries = new DashboardQueries(ch);
        BulletinData data = BulletinData.fetch(queries, month, trimMillis(recorded));
        Map<String, String> outlines = new LinkedHashMap<>();
        for (Table.Row r : data.grids().all()) {
            outlines.put(r.text("code"), r.text("geometry"));
        }
        LinkedHashMap<String, Long> hot = new LinkedHashMap<>();
        for (Table.Row r : data.hotspots().all()) {
            hot.put(r.text("grid_code"), r.count("reported"));
        }
        byte[] png = GridMapImage.png(outlines, hot, 960, 640);
        String html = BulletinHtml.render(data, issuer, png);
        Files.createDirectories(outDir);
        Path htmlFile = outDir.resolve("bulletin-" + month + ".html");
        Path pdfFile = outDir.resolve("bulletin-" + month + ".pdf");
        Path mapFile = outDir.resolve("hotspots-" + month + ".png");
        Files.writeString(htmlFile, html, StandardCharsets.UTF_8);
        Files.write(mapFile, png);
        pdf(html, outDir, pdfFile);
        return new Written(htmlFile, pdfFile, mapFile, data.asOf());
    }

    /** Renders the XHTML to PDF with the CJK TrueType font embedded (subset). */
    public static void pdf(String html, Path baseDir, Path pdfFile) throws IOException {
        try (OutputStream out = Files.newOutputStream(pdfFile)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(CjkFont.find().toFile(), CjkFont.FAMILY);
            builder.withHtmlContent(html, baseDir.toUri().toString());
            builder.toStream(out);
            builder.run();
        }
    }

    /** The as-of time of the case feed the views read; fails when no run has recorded one. */
    public static String recordedAsOf(ClickHouseHttp ch) throws IOException {
        Table t = ch.query(
                "SELECT toString(max(as_of)) AS as_of, count() AS n FROM as_of_time WHERE scope = 'cases'", Map.of());
        if (t.size() == 0 || t.row(0).count("n") == 0) {
            throw new IllegalStateException("no as-of time recorded for the case feed in "
                    + ch.settings().database() + ": run `gridpulse process` first");
        }
        return t.row(0).text("as_of");
    }

    private static String trimMillis(String t) {
        return t.endsWith(".000") ? t.substring(0, t.length() - 4) : t;
    }
}
