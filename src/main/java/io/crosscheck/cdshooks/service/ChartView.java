package io.crosscheck.cdshooks.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The chart as the response's {@code extension.crosscheck.chart} reports it: no resource ids, no patient data. */
final class ChartView {

    private ChartView() {}

    static Map<String, Object> of(Chart chart, int setAside) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("complete", chart.notRead().isEmpty());
        out.put(
                "notRead",
                chart.notRead().entrySet().stream()
                        .map(e -> Map.of("key", e.getKey(), "why", e.getValue()))
                        .toList());
        out.put(
                "refused",
                chart.refused().stream()
                        .map(r -> Map.of("resourceType", r.resourceType(), "at", r.path(), "why", r.why()))
                        .toList());
        out.put("reported", List.copyOf(chart.notes()));
        out.put("noAnswersSetAside", setAside);
        return out;
    }
}
