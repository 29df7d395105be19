package io.crosscheck.web.service;

import io.crosscheck.screening.model.WhatIf;
import java.util.ArrayList;
import java.util.List;

/**
 * "What would change this" in a few lines for the one-page clinician report (issue 28): what a pending referral rests
 * on first, then the most decisive unanswered questions, then the single tests that would move a pattern up, then
 * the recorded findings a pattern rests on; at most {@code max} lines.
 */
public final class WhatIfLines {

    private WhatIfLines() {}

    public static List<String> of(WhatIf w, int max) {
        List<String> lines = new ArrayList<>();
        if (w.referral() != null) {
            w.referral().restsOn().forEach(a -> lines.add(a.action()));
            w.referral().wouldRaise().forEach(a -> lines.add(a.action()));
        }
        w.plan().forEach(q -> lines.add(q.action()));
        w.patterns()
                .forEach(p -> p.changes().stream()
                        .filter(c -> c.kind().equals("untested"))
                        .forEach(c -> lines.add(c.action())));
        w.patterns()
                .forEach(p -> p.changes().stream()
                        .filter(c -> c.kind().equals("recorded"))
                        .forEach(c -> lines.add(c.action())));
        return lines.size() > max ? List.copyOf(lines.subList(0, max)) : List.copyOf(lines);
    }
}
