package io.gridpulse.report;

import java.time.YearMonth;
import java.util.Base64;
import java.util.List;

/**
 * The bulletin (月度考核通报) as one self-contained XHTML page (the map is a data URI), laid out
 * like a printed 通报: a red masthead and rule, the issue number, numbered sections, tables with
 * rates from {@link Rates}, and 统计截止时间. Well-formed XML, as the PDF renderer requires.
 */
public final class BulletinHtml {

    private final StringBuilder b = new StringBuilder(64 * 1024);

    private BulletinHtml() {}

    /**
     * @param issuer who issues it, printed in the masthead, like 某市数字化城市管理监督指挥中心
     * @param mapPng the hotspot map
     */
    public static String render(BulletinData d, String issuer, byte[] mapPng) {
        return new BulletinHtml().page(d, issuer, mapPng);
    }

    private String page(BulletinData d, String issuer, byte[] mapPng) {
        YearMonth m = d.month();
        String ym = m.getYear() + "年" + m.getMonthValue() + "月";
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/>")
                .append("<title>")
                .append(esc(ym + "数字城管考核通报"))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body>");
        b.append("<div class=\"masthead\">").append(esc(issuer)).append("</div>");
        b.append("<h1 class=\"title\">数字城管月度考核通报</h1>");
        b.append("<div class=\"issue\"><span>")
                .append(esc(m.getYear() + "年第" + m.getMonthValue() + "期"))
                .append("</span><span class=\"right\">统计截止时间：")
                .append(esc(d.asOf()))
                .append("</span></div><div class=\"rule\"></div>");
        b.append("<p class=\"lead\">现将").append(esc(ym)).append("全市数字化城市管理案件受理、派遣、处置及考核情况通报如下：</p>");
        overview(d, ym);
        ranking(d);
        departments(d);
        overdue(d);
        hotspots(d, mapPng);
        sources(d);
        fieldOps(d);
        b.append("<p class=\"note\">说明：本通报数据取自 gridpulse 统计视图，统计截止时间为")
                .append(esc(d.asOf()))
                .append("；各项比率以整数计数计算，百分比保留两位小数（四舍五入）；")
                .append("比率分母为零时记为“")
                .append(Rates.UNDEFINED)
                .append("”。</p>");
        b.append("<div class=\"sign\">")
                .append(esc(issuer))
                .append("<br/>")
                .append(esc(ym))
                .append("</div>");
        b.append("</body></html>\n");
        return b.toString();
    }

    private void overview(BulletinData d, String ym) {
        b.append("<h2>一、总体情况</h2>");
        List<Table.Row> rows = d.centre().all();
        String month = d.month().atDay(1).toString();
        Table.Row now = rows.stream()
                .filter(r -> r.text("month").equals(month))
                .findFirst()
                .orElse(null);
        Table.Row prev = rows.stream()
                .filter(r -> !r.text("month").equals(month))
                .findFirst()
                .orElse(null);
        if (now == null) {
            b.append("<p>").append(esc(ym)).append("无受理案件。</p>");
            return;
        }
        b.append("<p>")
                .append(esc(ym))
                .append("共受理上报案件<b>")
                .append(n(now.count("reported")))
                .append("</b>件，立案<b>")
                .append(n(now.count("registered")))
                .append("</b>件，作废<b>")
                .append(n(now.count("cancelled")))
                .append("</b>件，结案<b>")
                .append(n(now.count("closed")))
                .append("</b>件，结案率<b>")
                .append(Rates.percent(now.count("closed"), now.count("registered")))
                .append("</b>。</p>");
        table(
                List.of("指标", "本月", "上月", "环比"),
                List.of("reported", "registered", "cancelled", "closed").stream()
                        .map(c -> List.of(
                                label(c),
                                n(now.count(c)),
                                prev == null ? "0" : n(prev.count(c)),
                                Rates.change(now.count(c), prev == null ? 0 : prev.count(c))))
                        .toList(),
                "overview");
        b.append("<p>结案率：本月")
                .append(Rates.percent(now.count("closed"), now.count("registered")))
                .append("，上月")
                .append(prev == null ? Rates.UNDEFINED : Rates.percent(prev.count("closed"), prev.count("registered")))
                .append("。</p>");
    }

    private static String label(String column) {
        return switch (column) {
            case "reported" -> "上报";
            case "registered" -> "立案";
            case "cancelled" -> "作废";
            case "closed" -> "结案";
            default -> column;
        };
    }

    private void ranking(BulletinData d) {
        b.append("<h2>二、专业部门综合考评排名</h2>");
        List<Table.Row> ranked =
                d.ranking().all().stream().filter(r -> r.count("ranked") == 1).toList();
        List<Table.Row> apart =
                d.ranking().all().stream().filter(r -> r.count("ranked") != 1).toList();
        table(
                List.of("名次", "部门", "综合得分", "等级", "应处置", "处置率", "按期处置率"),
                ranked.stream()
                        .map(r -> List.of(
                                Long.toString(r.count("rank")),
                                deptName(r),
                                score(r),
                                r.text("grade"),
                                n(r.count("due")),
                                Rates.percent(r.count("disposed"), r.count("due")),
                                Rates.percent(r.count("disposed_on_time"), r.count("due"))))
                        .toList(),
                "ranking");
        if (!apart.isEmpty()) {
            b.append("<p>以下部门应处置案件过少或比率无法计算，不参与排名，单独列示：</p>");
            table(
                    List.of("部门", "综合得分", "等级", "应处置", "原因"),
                    apart.stream()
                            .map(r -> List.of(
                                    deptName(r),
                                    score(r),
                                    r.text("grade"),
                                    n(r.count("due")),
                                    r.text("listed_apart_reason")))
                            .toList(),
                    "apart");
        }
    }

    /** The composite score with two decimals; a department whose rates cannot all be computed has none. */
    private static String score(Table.Row r) {
        double s = r.number("score");
        return Double.isNaN(s) ? "—" : String.format(java.util.Locale.ROOT, "%.2f", s);
    }

    private void departments(BulletinData d) {
        b.append("<h2>三、各部门案件处置情况</h2>");
        table(
                List.of(
                        "编码", "部门", "派遣", "应处置", "处置", "处置率", "按期处置", "按期处置率", "超期处置", "超期未处置", "返工", "返工率", "回退",
                        "延期"),
                d.departments().all().stream()
                        .map(r -> List.of(
                                r.text("department"),
                                r.text("name"),
                                n(r.count("dispatched")),
                                n(r.count("due")),
                                n(r.count("disposed")),
                                Rates.percent(r.count("disposed"), r.count("due")),
                                n(r.count("disposed_on_time")),
                                Rates.percent(r.count("disposed_on_time"), r.count("due")),
                                n(r.count("disposed_late")),
                                n(r.count("overdue_open")),
                                n(r.count("reworked")),
                                Rates.percent(r.count("reworked"), r.count("disposed")),
                                n(r.count("returned")),
                                n(r.count("postponed"))))
                        .toList(),
                "depts");
    }

    private void overdue(BulletinData d) {
        b.append("<h2>四、超期未处置案件</h2>");
        if (d.overdue().size() == 0) {
            b.append("<p>截至统计截止时间，无超期未处置案件。</p>");
            return;
        }
        b.append("<p>截至统计截止时间，以下案件已超过处置时限仍未处置（按超期时长排列，至多列")
                .append(BulletinData.OVERDUE_ROWS)
                .append("件），请责任部门抓紧处置：</p>");
        table(
                List.of("案件编号", "责任部门", "网格", "类别", "处置时限", "超期时长(小时)"),
                d.overdue().all().stream()
                        .map(r -> List.of(
                                r.text("case_id"),
                                r.text("department_name").isEmpty() ? r.text("department") : r.text("department_name"),
                                r.text("grid_name").isEmpty() ? r.text("grid_code") : r.text("grid_name"),
                                r.text("category"),
                                r.text("deadline"),
                                r.text("overdue_hours")))
                        .toList(),
                "overdue");
    }

    private void hotspots(BulletinData d, byte[] mapPng) {
        b.append("<h2>五、高发问题与热点网格</h2>");
        b.append("<h3>（一）高发问题类别（前").append(BulletinData.TOP_ROWS).append("位）</h3>");
        table(
                List.of("序号", "类别编码", "类别", "大类", "案件数", "占比"),
                indexed(d.categories().all()).stream()
                        .map(e -> List.of(
                                Integer.toString(e.index()),
                                e.row().text("category_code"),
                                e.row().text("name"),
                                e.row().text("major"),
                                n(e.row().count("reported")),
                                e.row().text("share_pct") + "%"))
                        .toList(),
                "categories");
        b.append("<h3>（二）热点网格（前").append(BulletinData.TOP_ROWS).append("位）</h3>");
        b.append("<div class=\"map\"><img src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(mapPng))
                .append(
                        "\" width=\"480\" height=\"320\" alt=\"热点网格分布图\"/><div class=\"caption\">热点网格分布图（红色越深案件越多，数字为名次）</div></div>");
        table(
                List.of("名次", "网格", "所属街道", "案件数", "上月", "环比", "最多类别"),
                indexed(d.hotspots().all()).stream()
                        .map(e -> List.of(
                                Integer.toString(e.index()),
                                e.row().text("grid_name").isEmpty()
                                        ? e.row().text("grid_code")
                                        : e.row().text("grid_name"),
                                e.row().text("street"),
                                n(e.row().count("reported")),
                                n(e.row().count("previous")),
                                Rates.change(e.row().count("reported"), e.row().count("previous")),
                                e.row().text("top_category")))
                        .toList(),
                "hotspots");
        b.append("<h3>（三）顽疾问题（同一网格同一类别连续3个月每月2件及以上）</h3>");
        if (d.frequent().size() == 0) {
            b.append("<p>本期无连续3个月反复发生的问题。</p>");
        } else {
            table(
                    List.of("网格", "街道", "类别", "3个月合计", "本月"),
                    d.frequent().all().stream()
                            .limit(BulletinData.TOP_ROWS * 2L)
                            .map(r -> List.of(
                                    r.text("grid_name").isEmpty() ? r.text("grid_code") : r.text("grid_name"),
                                    r.text("street"),
                                    r.text("category"),
                                    n(r.count("total")),
                                    n(r.count("this_month"))))
                            .toList(),
                    "frequent");
        }
    }

    private void sources(BulletinData d) {
        b.append("<h2>六、案件来源</h2>");
        long total =
                d.sources().all().stream().mapToLong(r -> r.count("reported")).sum();
        table(
                List.of("来源", "本月", "占比", "上月", "环比"),
                d.sources().all().stream()
                        .map(r -> List.of(
                                sourceName(r.text("source")),
                                n(r.count("reported")),
                                Rates.percent(r.count("reported"), total),
                                n(r.count("previous")),
                                Rates.change(r.count("reported"), r.count("previous"))))
                        .toList(),
                "sources");
    }

    /** 来源 names as the centre says them. */
    public static String sourceName(String source) {
        return switch (source) {
            case "INSPECTOR" -> "监督员上报";
            case "HOTLINE_12345" -> "12345热线";
            case "HOTLINE_12319" -> "12319热线";
            case "VIDEO" -> "视频智能识别";
            case "PUBLIC_APP" -> "市民随手拍";
            case "DRONE" -> "无人机巡查";
            case "SENSOR" -> "物联感知";
            default -> source;
        };
    }

    private void fieldOps(BulletinData d) {
        b.append("<h2>七、车辆与传感器运行简况</h2>");
        List<Table.Row> v = d.vehicles().all();
        long silentVehicles = v.stream().filter(r -> r.count("silent_days") > 0).count();
        double km = v.stream().mapToDouble(r -> r.number("distance_km")).sum();
        long activeHours = v.stream().mapToLong(r -> r.count("active_hours")).sum();
        b.append("<p>本月在线作业车辆<b>")
                .append(v.size())
                .append("</b>辆，累计作业<b>")
                .append(n(activeHours))
                .append("</b>车·小时，行驶<b>")
                .append(String.format("%,.1f", km))
                .append("</b>公里；其中<b>")
                .append(silentVehicles)
                .append("</b>辆存在整日无定位数据的情况（覆盖缺口）。</p>");
        table(
                List.of("传感器类型", "在线数量", "读数条数", "最大值", "月末当日无数据"),
                d.sensors().all().stream()
                        .map(r -> List.of(
                                r.text("type"),
                                n(r.count("sensors")),
                                n(r.count("readings")),
                                r.text("max_value"),
                                n(r.count("silent_last_day"))))
                        .toList(),
                "sensors");
        long alarms = d.sensorAlarms().all().stream()
                .mapToLong(r -> r.count("alarms"))
                .sum();
        long silences = d.sensorAlarms().all().stream()
                .mapToLong(r -> r.count("silences"))
                .sum();
        b.append("<p>本月传感器告警<b>")
                .append(n(alarms))
                .append("</b>次，离线<b>")
                .append(n(silences))
                .append("</b>次，涉及传感器<b>")
                .append(d.sensorAlarms().size())
                .append("</b>个。</p>");
    }

    private record Indexed(int index, Table.Row row) {}

    private static List<Indexed> indexed(List<Table.Row> rows) {
        return java.util.stream.IntStream.range(0, rows.size())
                .mapToObj(i -> new Indexed(i + 1, rows.get(i)))
                .toList();
    }

    private static String deptName(Table.Row r) {
        String name = r.text("name");
        return name.isEmpty() ? r.text("department") : name;
    }

    private void table(List<String> head, List<List<String>> rows, String cls) {
        b.append("<table class=\"").append(cls).append("\"><thead><tr>");
        for (String h : head) {
            b.append("<th>").append(esc(h)).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        if (rows.isEmpty()) {
            b.append("<tr><td colspan=\"").append(head.size()).append("\">（无）</td></tr>");
        }
        for (List<String> r : rows) {
            b.append("<tr>");
            for (String c : r) {
                b.append("<td>").append(esc(c)).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table>");
    }

    private static String n(long v) {
        return Long.toString(v);
    }

    static String esc(String s) {
        StringBuilder o = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '&' -> o.append("&amp;");
                case '"' -> o.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        o.append(c);
                    }
                }
            }
        }
        return o.toString();
    }

    private static final String CSS = "@page { size: A4; margin: 18mm 15mm 18mm 15mm;"
            + " @bottom-center { content: \"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\"; font-family: "
            + CjkFont.FAMILY + "; font-size: 9pt; } }\n"
            + "body { font-family: " + CjkFont.FAMILY + ", sans-serif; font-size: 10.5pt; color: #111; }\n"
            + ".masthead { text-align: center; color: #c00; font-size: 20pt; font-weight: bold; letter-spacing: 2pt;"
            + " margin-top: 4mm; }\n"
            + "h1.title { text-align: center; color: #c00; font-size: 24pt; margin: 3mm 0 4mm 0; letter-spacing: 4pt; }\n"
            + ".issue { font-size: 10.5pt; margin-bottom: 1mm; }\n"
            + ".issue .right { float: right; }\n"
            + ".rule { border-top: 2pt solid #c00; margin: 1mm 0 5mm 0; }\n"
            + "h2 { font-size: 13pt; margin: 6mm 0 2mm 0; }\n"
            + "h3 { font-size: 11pt; margin: 3mm 0 2mm 0; }\n"
            + "p { line-height: 1.6; text-indent: 2em; margin: 1mm 0; }\n"
            + "p.lead { margin-bottom: 3mm; }\n"
            + "p.note { font-size: 9pt; color: #444; margin-top: 6mm; }\n"
            + "table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm 0; font-size: 9pt;"
            + " -fs-table-paginate: paginate; }\n"
            + "th, td { border: 0.6pt solid #333; padding: 1.2mm 1mm; text-align: center; vertical-align: top; }\n"
            + "th { background: #f0e0e0; }\n"
            + "table.depts { font-size: 7.5pt; }\n"
            + "table.depts td, table.depts th { padding: 1mm 0.6mm; }\n"
            + "tr { page-break-inside: avoid; }\n"
            + ".map { text-align: center; margin: 2mm 0; }\n"
            + ".caption { font-size: 9pt; color: #555; }\n"
            + ".sign { text-align: right; margin-top: 10mm; line-height: 1.8; }\n";
}
