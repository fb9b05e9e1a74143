package dev.capi.tck.runner;

import dev.capi.tck.support.ApiResponse;
import dev.capi.tck.support.Cf;
import dev.capi.tck.support.Checks;
import dev.capi.tck.support.Inventory;
import dev.capi.tck.support.Tck;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Which inventory rows the target routes, and which rows the kit's tests name. */
public final class Traceability {
    private Traceability() {
    }

    /**
     * The inventory rows the target does not route: an anonymous request (which a routed public endpoint refuses
     * with 401, so the probe changes nothing) answers "Unknown request". Internal rows are probed with the client
     * certificate and unknown guids; without internal credentials they count as unrouted.
     */
    public static Set<String> unrouted(Tck tck, Inventory inventory) {
        Set<String> unrouted = new LinkedHashSet<>();
        for (Inventory.Row row : inventory.rows()) {
            Cf client = row.internal() ? tck.internal() : tck.anonymous();
            if (client == null) {
                unrouted.add(row.name());
                continue;
            }
            try {
                ApiResponse r = client.send(row.method(), row.probePath(),
                        row.method().equals("GET") || row.method().equals("DELETE") ? null : "{}",
                        "application/json");
                if (r.status() == 404 && r.errorCode() == 10000) {
                    unrouted.add(row.name());
                }
            } catch (RuntimeException e) {
                unrouted.add(row.name());
            }
        }
        return unrouted;
    }

    /** Every row named by a {@link Checks} of the kit's test classes, with the classes naming it. */
    public static Map<String, List<String>> namedRows() {
        Map<String, List<String>> named = new TreeMap<>();
        for (List<String> classes : TckMain.discoverAreas().values()) {
            for (String className : classes) {
                try {
                    collect(Class.forName(className), named);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return named;
    }

    private static void collect(Class<?> type, Map<String, List<String>> named) {
        Checks onClass = type.getAnnotation(Checks.class);
        if (onClass != null) {
            for (String row : onClass.value()) {
                named.computeIfAbsent(row, r -> new ArrayList<>()).add(type.getSimpleName());
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            Checks onMethod = m.getAnnotation(Checks.class);
            if (onMethod != null) {
                for (String row : onMethod.value()) {
                    named.computeIfAbsent(row, r -> new ArrayList<>()).add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collect(nested, named);
        }
    }
}
