package io.gridpulse.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseEventFingerprintTest {

    /** The fingerprint of {@link #full()} as this version computes it. */
    private static final long GOLDEN = 9215098400916937507L;

    private static CaseEvent full() {
        return CaseEventSamples.everyField("C2026-000001", CaseEventType.DISPATCHED, "暴露垃圾");
    }

    @Test
    void equalEventsHaveEqualFingerprints() {
        assertThat(CaseEventFingerprint.of(full())).isEqualTo(CaseEventFingerprint.of(full()));
    }

    @Test
    void changingAnyOneFieldOrNullingItChangesTheFingerprint() throws Exception {
        CaseEvent base = full();
        RecordComponent[] components = CaseEvent.class.getRecordComponents();
        Set<Long> seen = new HashSet<>();
        seen.add(CaseEventFingerprint.of(base));
        int variants = 0;
        for (int i = 0; i < components.length; i++) {
            for (Object other : alternatives(
                    components[i].getAccessor().invoke(base),
                    components[i].getType().isPrimitive())) {
                Object[] args = args(base, components);
                args[i] = other;
                CaseEvent changed = construct(components, args);
                assertThat(changed).isNotEqualTo(base);
                assertThat(seen.add(CaseEventFingerprint.of(changed)))
                        .as("changing %s to %s", components[i].getName(), other)
                        .isTrue();
                variants++;
            }
        }
        assertThat(variants).isGreaterThanOrEqualTo(2 * components.length - 1);
    }

    @Test
    void textMovedAcrossAFieldBoundaryIsAnotherPayload() throws Exception {
        CaseEvent a = with(with(full(), "eventId", "ab"), "caseId", "c");
        CaseEvent b = with(with(full(), "eventId", "a"), "caseId", "bc");
        assertThat(CaseEventFingerprint.of(a)).isNotEqualTo(CaseEventFingerprint.of(b));
    }

    @Test
    void negativeZeroIsAnotherCoordinateAsInTheRecordsEquality() throws Exception {
        CaseEvent plus = with(full(), "lon", 0.0);
        CaseEvent minus = with(full(), "lon", -0.0);
        assertThat(plus).isNotEqualTo(minus);
        assertThat(CaseEventFingerprint.of(plus)).isNotEqualTo(CaseEventFingerprint.of(minus));
    }

    @Test
    void theFingerprintIsStableAcrossVersions() {
        // Kept in checkpoints: a change here must come with a new name for the state that holds it.
        assertThat(CaseEventFingerprint.of(full())).isEqualTo(GOLDEN);
    }

    private static List<Object> alternatives(Object value, boolean primitive) {
        List<Object> out = new ArrayList<>();
        if (value instanceof String s) {
            out.add(s + "x");
        } else if (value instanceof Double d) {
            out.add(d + 1e-9);
        } else if (value instanceof Long l) {
            out.add(l + 1);
        } else if (value instanceof Enum<?> e) {
            Object[] constants = e.getDeclaringClass().getEnumConstants();
            out.add(constants[(e.ordinal() + 1) % constants.length]);
        }
        if (!primitive) {
            out.add(null);
        }
        return out;
    }

    private static Object[] args(CaseEvent e, RecordComponent[] components) throws Exception {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = components[i].getAccessor().invoke(e);
        }
        return args;
    }

    private static CaseEvent construct(RecordComponent[] components, Object[] args) throws Exception {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        return CaseEvent.class.getDeclaredConstructor(types).newInstance(args);
    }

    /** {@code e} with one field, named as its record component, set to {@code value}. */
    private static CaseEvent with(CaseEvent e, String field, Object value) throws Exception {
        RecordComponent[] components = CaseEvent.class.getRecordComponents();
        Object[] args = args(e, components);
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(field)) {
                args[i] = value;
                return construct(components, args);
            }
        }
        throw new IllegalArgumentException("no field " + field);
    }
}
