package io.gridpulse.flink.alerts.spatial;

import io.gridpulse.domain.alert.spatial.HotspotRule;
import io.gridpulse.domain.alert.spatial.HotspotRules;
import io.gridpulse.domain.geo.Haversine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The two rules of issue #4 as written, with plain loops over all reports: the tests' oracle. */
final class PlainRules {

    static final Comparator<Report> ORDER =
            Comparator.comparingLong(Report::time).thenComparing(Report::eventId);

    private PlainRules() {}

    /** Each HOTSPOT as its K reports, in order. */
    static List<List<Report>> hotspots(List<Report> input, HotspotRules rules) {
        List<Report> sorted = new ArrayList<>(input);
        sorted.sort(ORDER);
        Map<String, List<Report>> unconsumed = new LinkedHashMap<>();
        List<List<Report>> out = new ArrayList<>();
        for (Report r : sorted) {
            if (r.gridCode().isEmpty()) {
                continue;
            }
            HotspotRule rule = rules.ruleFor(r.categoryCode());
            List<Report> open =
                    unconsumed.computeIfAbsent(r.gridCode() + "|" + r.categoryCode(), k -> new ArrayList<>());
            if (open.size() >= rule.k() - 1) {
                List<Report> take = new ArrayList<>(open.subList(open.size() - (rule.k() - 1), open.size()));
                take.add(r);
                if (r.time() - take.get(0).time() <= rule.windowMillis()) {
                    out.add(take);
                    open.subList(open.size() - (rule.k() - 1), open.size()).clear();
                    continue;
                }
            }
            open.add(r);
        }
        return out;
    }

    /** Each DUPLICATE_SUSPECTED as (report, earliest earlier report). */
    static List<Report[]> duplicates(List<Report> input, double meters, long windowMillis) {
        List<Report> sorted = new ArrayList<>(input);
        sorted.sort(ORDER);
        List<Report[]> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Report r = sorted.get(i);
            for (int j = 0; j < i; j++) {
                Report o = sorted.get(j);
                if (o.categoryCode().equals(r.categoryCode())
                        && !o.caseId().equals(r.caseId())
                        && r.time() - o.time() <= windowMillis
                        && Haversine.meters(o.lon(), o.lat(), r.lon(), r.lat()) <= meters) {
                    out.add(new Report[] {r, o});
                    break;
                }
            }
        }
        return out;
    }
}
