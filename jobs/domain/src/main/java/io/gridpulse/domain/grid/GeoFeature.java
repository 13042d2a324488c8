package io.gridpulse.domain.grid;

import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a GeoJSON FeatureCollection, its geometry converted to WGS84. Immutable as
 * far as its parts are (JTS geometries are mutable in principle; nothing here mutates them).
 *
 * @param index position of the feature in the collection, from 0
 * @param properties the feature's properties (JSON values as String, Number, Boolean, List, Map
 *     or null); empty when the feature has none
 * @param geometry the geometry in WGS84
 * @param ringDefects rings that the reader had to close or leave out
 */
public record GeoFeature(int index, Map<String, Object> properties, Geometry geometry, List<RingDefect> ringDefects) {

    public GeoFeature {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
        ringDefects = List.copyOf(ringDefects);
    }

    /** The {@code code} property as text, else the {@code id} property, else null. */
    public String code() {
        Object code = properties.get("code");
        if (code == null) {
            code = properties.get("id");
        }
        return code == null ? null : String.valueOf(code);
    }

    /** Names the feature in messages: {@code feature 3 (code=420102001001)} or {@code feature 3 (id=z7)}. */
    public String label() {
        return label(index, properties);
    }

    static String label(int index, Map<String, Object> properties) {
        for (String key : new String[] {"code", "id"}) {
            Object value = properties.get(key);
            if (value != null) {
                return "feature " + index + " (" + key + "=" + value + ")";
            }
        }
        return "feature " + index;
    }
}
