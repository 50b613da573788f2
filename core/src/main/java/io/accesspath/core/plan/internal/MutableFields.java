package io.accesspath.core.plan.internal;

import io.accesspath.core.plan.Fields;
import io.accesspath.core.plan.PlanValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fields under construction while a text plan is read: values are {@link PlanValue}s, nested
 * {@code MutableFields}, or lists of either, frozen into {@link Fields} at the end. Keeps
 * insertion order and can insert a key next to another one, so implied fields land where
 * PostgreSQL prints them.
 */
final class MutableFields {
    private LinkedHashMap<String, Object> values = new LinkedHashMap<>();

    boolean has(String key) {
        return values.containsKey(key);
    }

    java.util.Set<String> keys() {
        return values.keySet();
    }

    Object get(String key) {
        return values.get(key);
    }

    String text(String key) {
        return values.get(key) instanceof PlanValue.TextValue t ? t.value() : null;
    }

    void put(String key, PlanValue value) {
        values.put(key, value);
    }

    /** The nested object under {@code key}, created at the end when absent. */
    MutableFields object(String key) {
        return (MutableFields) values.computeIfAbsent(key, k -> new MutableFields());
    }

    /** The list under {@code key}, created at the end when absent. */
    @SuppressWarnings("unchecked")
    List<Object> list(String key) {
        return (List<Object>) values.computeIfAbsent(key, k -> new ArrayList<>());
    }

    /**
     * Adds {@code key} right after the last of {@code anchors} present (or at the end when none
     * is); does nothing when {@code key} is already there.
     */
    void putAfter(String key, Object value, String... anchors) {
        if (values.containsKey(key)) {
            return;
        }
        String anchor = null;
        for (String a : anchors) {
            if (values.containsKey(a)) {
                anchor = a;
            }
        }
        if (anchor == null) {
            values.put(key, value);
            return;
        }
        insert(key, value, anchor, true);
    }

    /**
     * Adds {@code key} right before the first of {@code successors} present (or at the end when
     * none is); does nothing when {@code key} is already there.
     */
    void putBefore(String key, Object value, String... successors) {
        if (values.containsKey(key)) {
            return;
        }
        for (String existing : values.keySet()) {
            for (String s : successors) {
                if (existing.equals(s)) {
                    insert(key, value, existing, false);
                    return;
                }
            }
        }
        values.put(key, value);
    }

    /** Puts {@code value} under {@code newKey} where {@code oldKey} was. */
    void replace(String oldKey, String newKey, Object value) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getKey().equals(oldKey)) {
                copy.put(newKey, value);
            } else {
                copy.put(e.getKey(), e.getValue());
            }
        }
        values = copy;
    }

    private void insert(String key, Object value, String anchor, boolean after) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!after && e.getKey().equals(anchor)) {
                copy.put(key, value);
            }
            copy.put(e.getKey(), e.getValue());
            if (after && e.getKey().equals(anchor)) {
                copy.put(key, value);
            }
        }
        values = copy;
    }

    Fields freeze() {
        LinkedHashMap<String, PlanValue> frozen = new LinkedHashMap<>();
        values.forEach((k, v) -> frozen.put(k, freezeValue(v)));
        return Fields.of(frozen);
    }

    private static PlanValue freezeValue(Object value) {
        if (value instanceof PlanValue v) {
            return v;
        }
        if (value instanceof MutableFields m) {
            return PlanValue.object(m.freeze());
        }
        List<PlanValue> items = new ArrayList<>();
        for (Object item : (List<?>) value) {
            items.add(freezeValue(item));
        }
        return PlanValue.list(items);
    }
}
