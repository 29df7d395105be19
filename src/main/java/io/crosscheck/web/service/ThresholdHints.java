package io.crosscheck.web.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.screening.model.ClientHistory;
import io.crosscheck.screening.service.ThresholdLines;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Beside each measured field of the screening form, the threshold the rules use on it ("counts below 50 deg"),
 * read from the rules and reference data (the same reading as the history charts' reference lines, kept by the
 * knowledge base): posture signs, muscle lengths, movement tests and numeric answers.
 */
final class ThresholdHints {

    private ThresholdHints() {}

    /** The hint of each form field the rules name a threshold for, by field name. */
    static Map<String, String> of(KnowledgeBase kb) {
        Map<String, String> out = new LinkedHashMap<>();
        var v = kb.reference().vocabulary();
        for (var p : v.posture()) {
            if (p.measurement() != null) {
                hint(
                        out,
                        List.of("obs." + p.code() + ".value"),
                        ThresholdLines.of(
                                kb, "observation", p.code(), p.measurement().unit()));
            }
        }
        for (var m : v.muscles()) {
            if (m.measurement() != null) {
                hint(
                        out,
                        ScreeningForm.SIDES.stream()
                                .map(side -> "ml." + m.code() + "." + side + ".value")
                                .toList(),
                        ThresholdLines.of(
                                kb, "muscleLength", m.code(), m.measurement().unit()));
            }
        }
        for (var t : v.movementTests()) {
            if (t.measurement() != null) {
                hint(
                        out,
                        (t.sided() ? ScreeningForm.SIDES : List.of(ScreeningForm.BOTH))
                                .stream()
                                        .map(side -> "mv." + t.code() + "." + side + ".value")
                                        .toList(),
                        ThresholdLines.of(
                                kb, "movement", t.code(), t.measurement().unit()));
            }
        }
        for (var i : kb.reference().inputs().inputs()) {
            if (i.type().numeric()) {
                hint(out, List.of(FormLayout.fieldName(i)), ThresholdLines.of(kb, "answer", i.code(), i.unit()));
            }
        }
        return out;
    }

    private static void hint(Map<String, String> out, List<String> fields, List<ClientHistory.ThresholdLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        String text = "rules: "
                + String.join(
                        "; ",
                        lines.stream()
                                .map(l -> l.label() + " " + l.comparator() + " "
                                        + (l.value() == Math.rint(l.value())
                                                ? Long.toString((long) l.value())
                                                : Double.toString(l.value()))
                                        + " " + l.unit()
                                        + " ("
                                        + String.join(
                                                ", ",
                                                l.rules().stream()
                                                        .map(ClientHistory.ThresholdRule::id)
                                                        .toList())
                                        + ")")
                                .toList());
        fields.forEach(f -> out.put(f, text));
    }
}
