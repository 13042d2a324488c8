package io.gridpulse.demo.city;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo city's category catalogue (modelled on GB/T 30428.2: 部件 COMPONENT and 事件 EVENT, major
 * and minor categories, a disposal time limit each) and its departments. Codes: kind (1 部件, 2
 * 事件) + major (2 digits) + minor (2 digits). Street-level categories are listed with the
 * enforcement bureau as default department but are dispatched to the street office of the place,
 * as cities do. Immutable and thread-safe.
 */
public final class Catalog {

    /** Functional departments: code, name, parent. Street offices are added per street. */
    private static final String[][] FUNCTIONAL = {
        {"CGJ", "市城市管理局", ""},
        {"CGZF", "市城市管理综合执法局", "CGJ"},
        {"HWC", "市环境卫生管理处", "CGJ"},
        {"SZC", "市政设施管理处", "CGJ"},
        {"YLJ", "市园林绿化局", ""},
        {"ZJJ", "市住房和城乡建设局", ""},
        {"ZRZY", "市自然资源和规划局", ""},
        {"GAJ", "市公安局", ""},
        {"JJDD", "市公安局交通警察大队", "GAJ"},
        {"STHJ", "市生态环境局", ""},
        {"SCJG", "市市场监督管理局", ""},
        {"SWJ", "市水务局", ""},
        {"GSGS", "市供水公司", "SWJ"},
        {"RQGS", "市燃气公司", ""},
        {"GDGS", "国网市供电公司", ""},
        {"TXGS", "市通信管线管理办公室", ""},
        {"GJGS", "市公共交通公司", ""}
    };

    private static final String C = "COMPONENT";
    private static final String E = "EVENT";

    /** code, kind, major, minor, name, limit, department, weight, streetLevel(0/1). */
    private static final Object[][] CATEGORIES = {
        {"10101", C, "公用设施", "上水井盖", "上水井盖破损丢失", "2h", "GSGS", 3.0, 0},
        {"10102", C, "公用设施", "污水井盖", "污水井盖破损丢失", "2h", "SZC", 3.0, 0},
        {"10103", C, "公用设施", "雨水井盖", "雨水井盖破损丢失", "2h", "SZC", 3.0, 0},
        {"10104", C, "公用设施", "雨水箅子", "雨水箅子破损堵塞", "4wh", "SZC", 2.0, 0},
        {"10105", C, "公用设施", "电力井盖", "电力井盖破损丢失", "2h", "GDGS", 1.0, 0},
        {"10106", C, "公用设施", "通信井盖", "通信井盖破损丢失", "2h", "TXGS", 1.5, 0},
        {"10107", C, "公用设施", "燃气井盖", "燃气井盖破损丢失", "2h", "RQGS", 0.6, 0},
        {"10108", C, "公用设施", "消防栓", "消防栓损坏漏水", "1wd", "GSGS", 0.4, 0},
        {"10109", C, "公用设施", "路灯", "路灯不亮破损", "2wd", "SZC", 2.5, 0},
        {"10110", C, "公用设施", "景观灯", "景观灯损坏", "3wd", "SZC", 0.8, 0},
        {"10111", C, "公用设施", "报刊亭", "报刊亭破损", "3wd", "CGZF", 0.3, 0},
        {"10201", C, "道路交通", "公交站亭", "公交站亭破损", "3wd", "GJGS", 0.6, 0},
        {"10202", C, "道路交通", "交通信号灯", "交通信号灯故障", "4h", "JJDD", 0.5, 0},
        {"10203", C, "道路交通", "交通标志牌", "交通标志牌破损", "3wd", "JJDD", 0.6, 0},
        {"10204", C, "道路交通", "道路护栏", "道路护栏破损", "2wd", "SZC", 1.2, 0},
        {"10205", C, "道路交通", "路名牌", "路名牌破损缺失", "3wd", "SZC", 0.5, 0},
        {"10206", C, "道路交通", "人行道板", "人行道板破损松动", "3wd", "SZC", 2.0, 0},
        {"10301", C, "市容环境设施", "公共厕所", "公共厕所设施损坏", "1wd", "HWC", 0.8, 0},
        {"10302", C, "市容环境设施", "垃圾箱", "垃圾箱破损满溢", "8wh", "HWC", 2.5, 0},
        {"10303", C, "市容环境设施", "垃圾间", "垃圾间破损脏乱", "1wd", "HWC", 0.5, 0},
        {"10304", C, "市容环境设施", "广告牌匾", "广告牌匾破损", "5wd", "CGZF", 0.8, 0},
        {"10401", C, "园林绿化", "行道树", "行道树倒伏缺株", "3wd", "YLJ", 1.5, 0},
        {"10402", C, "园林绿化", "护树设施", "护树设施破损", "3wd", "YLJ", 0.6, 0},
        {"10403", C, "园林绿化", "绿地", "绿地设施破损", "3wd", "YLJ", 1.0, 0},
        {"10404", C, "园林绿化", "古树名木", "古树名木受损", "1wd", "YLJ", 0.1, 0},
        {"10501", C, "房屋土地", "危房", "危房险情", "4h", "ZJJ", 0.15, 0},
        {"20101", E, "市容环境", "私搭乱建", "私搭乱建违法建设", "15wd", "CGZF", 1.5, 0},
        {"20102", E, "市容环境", "暴露垃圾", "暴露垃圾", "4wh", "HWC", 8.0, 0},
        {"20103", E, "市容环境", "积存垃圾渣土", "积存垃圾渣土", "4wd", "HWC", 3.0, 0},
        {"20104", E, "市容环境", "道路不洁", "道路不洁", "5wh", "HWC", 5.0, 0},
        {"20105", E, "市容环境", "水域不洁", "水域不洁", "2wd", "SWJ", 0.4, 0},
        {"20106", E, "市容环境", "绿地脏乱", "绿地脏乱", "1wd", "YLJ", 1.5, 0},
        {"20107", E, "市容环境", "废弃车辆", "废弃车辆占道", "5wd", "CGZF", 0.8, 0},
        {"20108", E, "市容环境", "非装饰性树挂", "非装饰性树挂", "1wd", "YLJ", 0.6, 0},
        {"20109", E, "市容环境", "乱涂乱画", "乱涂乱画", "2wd", "CGZF", 1.5, 1},
        {"20201", E, "宣传广告", "非法小广告", "非法小广告", "1wd", "CGZF", 6.0, 1},
        {"20202", E, "宣传广告", "违规户外广告", "违规户外广告", "5wd", "CGZF", 1.0, 0},
        {"20203", E, "宣传广告", "占道广告牌", "占道广告牌", "1wd", "CGZF", 1.5, 0},
        {"20204", E, "宣传广告", "街头散发广告", "街头散发广告", "4wh", "CGZF", 0.6, 1},
        {"20301", E, "施工管理", "施工扰民", "施工噪声扰民", "4h", "CGZF", 0.8, 0},
        {"20302", E, "施工管理", "工地扬尘", "工地扬尘", "8wh", "ZJJ", 1.2, 0},
        {"20303", E, "施工管理", "道路遗撒", "渣土道路遗撒", "4h", "HWC", 1.8, 0},
        {"20304", E, "施工管理", "违规占道施工", "违规占道施工", "2wd", "ZJJ", 0.8, 0},
        {"20305", E, "施工管理", "无证掘路", "无证掘路", "1wd", "SZC", 0.4, 0},
        {"20401", E, "突发事件", "路面塌陷", "路面塌陷", "2h", "SZC", 0.2, 0},
        {"20402", E, "突发事件", "自来水管破裂", "自来水管破裂", "2h", "GSGS", 0.4, 0},
        {"20403", E, "突发事件", "燃气泄漏", "燃气管道泄漏", "1h", "RQGS", 0.1, 0},
        {"20404", E, "突发事件", "下水道堵塞", "下水道堵塞冒溢", "4h", "SZC", 0.8, 0},
        {"20405", E, "突发事件", "道路积水", "道路积水", "2h", "SZC", 0.6, 0},
        {"20406", E, "突发事件", "路面积雪结冰", "路面积雪结冰", "4h", "HWC", 0.05, 0},
        {"20501", E, "街面秩序", "无照经营游商", "无照经营游商", "4wh", "CGZF", 4.0, 1},
        {"20502", E, "街面秩序", "店外经营", "店外经营", "4wh", "CGZF", 7.0, 1},
        {"20503", E, "街面秩序", "占道废品收购", "占道废品收购", "1wd", "CGZF", 0.5, 1},
        {"20504", E, "街面秩序", "机动车乱停放", "机动车乱停放", "2h", "JJDD", 4.0, 0},
        {"20505", E, "街面秩序", "非机动车乱停放", "非机动车乱停放", "4wh", "CGZF", 3.0, 1},
        {"20506", E, "街面秩序", "露天烧烤", "露天烧烤", "2h", "CGZF", 1.0, 0},
        {"20507", E, "街面秩序", "占道堆物", "占道堆物", "1wd", "CGZF", 3.0, 1},
        {"20508", E, "街面秩序", "流浪乞讨", "流浪乞讨", "1wd", "CGZF", 0.3, 1},
        {"20509", E, "街面秩序", "黑车拉客", "黑车拉客", "1wd", "JJDD", 0.2, 0}
    };

    private Catalog() {}

    public static List<Category> categories() {
        List<Category> out = new ArrayList<>();
        for (Object[] r : CATEGORIES) {
            out.add(new Category(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (Double) r[7],
                    ((Integer) r[8]) == 1));
        }
        return List.copyOf(out);
    }

    /** The functional departments, then one street office (街道办事处) per street. */
    public static List<Department> departments(List<String> streetNames) {
        List<Department> out = new ArrayList<>();
        for (String[] d : FUNCTIONAL) {
            out.add(new Department(d[0], d[1], d[2], -1));
        }
        for (int i = 0; i < streetNames.size(); i++) {
            out.add(new Department(String.format("JD%02d", i + 1), streetNames.get(i) + "办事处", "", i));
        }
        return List.copyOf(out);
    }

    public static String categoriesCsv(List<Category> categories) {
        StringBuilder sb = new StringBuilder("code,kind,major,minor,name,limit,department\n");
        for (Category c : categories) {
            sb.append(String.join(",", c.code(), c.kind(), c.major(), c.minor(), c.name(), c.limit(), c.department()))
                    .append('\n');
        }
        return sb.toString();
    }

    public static String departmentsCsv(List<Department> departments) {
        StringBuilder sb = new StringBuilder("code,name,parent\n");
        for (Department d : departments) {
            sb.append(d.code())
                    .append(',')
                    .append(d.name())
                    .append(',')
                    .append(d.parent())
                    .append('\n');
        }
        return sb.toString();
    }
}
