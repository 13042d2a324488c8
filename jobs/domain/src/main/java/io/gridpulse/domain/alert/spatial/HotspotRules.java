package io.gridpulse.domain.alert.spatial;

import io.gridpulse.domain.reference.Csv;
import io.gridpulse.domain.reference.ReferenceDataException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HOTSPOT parameters per category: a default and the overrides of the hotspot rules file, CSV
 * {@code categoryCode,k,windowMinutes} with that header (k an integer >= 2, windowMinutes an integer
 * >= 0; a category at most once). Immutable and thread-safe.
 */
public final class HotspotRules implements Serializable {

    static final String SOURCE = "hotspot-rules";

    private final HotspotRule defaults;
    private final Map<String, HotspotRule> byCategory;

    public HotspotRules(HotspotRule defaults, Map<String, HotspotRule> byCategory) {
        this.defaults = defaults;
        this.byCategory = Map.copyOf(byCategory);
    }

    public static HotspotRules defaults(HotspotRule defaults) {
        return new HotspotRules(defaults, Map.of());
    }

    /**
     * Reads the rules file.
     *
     * @throws ReferenceDataException naming the line on bad input
     */
    public static HotspotRules parseCsv(byte[] csv, HotspotRule defaults) {
        Csv.Table table = Csv.Table.read(csv, SOURCE, List.of("categoryCode", "k", "windowMinutes"), List.of());
        Map<String, HotspotRule> map = new LinkedHashMap<>();
        for (Csv.Row row : table.rows()) {
            String category = table.required(row, "categoryCode");
            int k = table.integer(row, "k");
            int minutes = table.integer(row, "windowMinutes");
            if (k < 2) {
                throw table.fail(row, "k must be at least 2, got " + k);
            }
            if (minutes < 0) {
                throw table.fail(row, "windowMinutes cannot be negative, got " + minutes);
            }
            if (map.put(category, HotspotRule.ofMinutes(k, minutes)) != null) {
                throw table.fail(row, "category " + category + " is listed twice");
            }
        }
        return new HotspotRules(defaults, map);
    }

    public HotspotRule defaults() {
        return defaults;
    }

    public HotspotRule ruleFor(String categoryCode) {
        return byCategory.getOrDefault(categoryCode, defaults);
    }

    /** Every rule in use: the default first, then the distinct overrides in file order. */
    public Set<HotspotRule> distinctRules() {
        Set<HotspotRule> out = new LinkedHashSet<>();
        out.add(defaults);
        out.addAll(byCategory.values());
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HotspotRules r && r.defaults.equals(defaults) && r.byCategory.equals(byCategory);
    }

    @Override
    public int hashCode() {
        return defaults.hashCode() * 31 + byCategory.hashCode();
    }

    @Override
    public String toString() {
        return "HotspotRules[default=" + defaults + ", byCategory=" + byCategory + "]";
    }
}
