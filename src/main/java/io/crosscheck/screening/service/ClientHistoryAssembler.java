package io.crosscheck.screening.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.outcome.OutcomeMeasures.Measure;
import io.crosscheck.engine.outcome.OutcomeScoring;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.model.ClientHistory;
import io.crosscheck.screening.model.ClientHistory.PatternSeries;
import io.crosscheck.screening.model.ClientHistory.Point;
import io.crosscheck.screening.model.ClientHistory.Series;
import io.crosscheck.screening.model.ClientHistory.StatusPoint;
import io.crosscheck.screening.model.OutcomeAnswer;
import io.crosscheck.screening.model.ScreeningRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Shapes a client's stored screenings into their history for charts: every measured value of the stored
 * requests, one series per (kind, code, side, symptom kind, unit) labelled from the vocabulary, with the
 * thresholds the rules compare it with, and each pattern's status per screening. Pure: no database, no HTTP.
 */
final class ClientHistoryAssembler {

    /** The unit of a symptom's NRS ({@link MeasuredValues#NRS_UNIT}). */
    static final String NRS_UNIT = MeasuredValues.NRS_UNIT;

    private final Function<Screening, ScreeningRequest> requests;
    private final Function<Screening, ScreeningSummary> summaries;

    /** {@code requests} reads a screening's stored request, {@code summaries} its result summary. */
    ClientHistoryAssembler(
            Function<Screening, ScreeningRequest> requests, Function<Screening, ScreeningSummary> summaries) {
        this.requests = requests;
        this.summaries = summaries;
    }

    /** The history of {@code clientRef} from its screenings (latest versions, oldest first), under {@code kb}. */
    ClientHistory history(String clientRef, KnowledgeBase kb, List<Screening> screenings) {
        Vocabulary vocabulary = kb.reference().vocabulary();
        Map<String, SeriesBuilder> series = new LinkedHashMap<>();
        Map<String, List<StatusPoint>> patterns = new LinkedHashMap<>();
        for (Screening s : screenings) {
            ScreeningRequest request = requests.apply(s);
            Instant at = s.screened();
            for (MeasuredValues.Value v : MeasuredValues.of(vocabulary, request)) {
                add(
                        series,
                        v.kind(),
                        v.code(),
                        v.side(),
                        v.qualifier(),
                        v.label(),
                        new ScreeningRequest.Measurement(v.value(), v.unit()),
                        s.id,
                        at);
            }
            outcomes(kb, request, s.id, at, series);
            summaries
                    .apply(s)
                    .patterns()
                    .forEach((code, status) -> patterns.computeIfAbsent(code, k -> new ArrayList<>())
                            .add(new StatusPoint(s.id, at, status)));
        }
        List<Series> out = series.values().stream()
                .map(b -> b.scale == null
                        ? new Series(
                                b.kind,
                                b.code,
                                b.side,
                                b.qualifier,
                                b.label,
                                b.unit,
                                ThresholdLines.of(kb, b.kind, b.code, b.unit),
                                List.copyOf(b.points))
                        : new Series(
                                b.kind,
                                b.code,
                                null,
                                null,
                                b.label,
                                b.unit,
                                mcidLines(b),
                                List.copyOf(b.points),
                                b.scale))
                .toList();
        List<PatternSeries> statuses = patterns.entrySet().stream()
                .map(e -> new PatternSeries(
                        e.getKey(),
                        kb.reference()
                                .pattern(e.getKey())
                                .map(PatternDefinition::getName)
                                .orElse(e.getKey()),
                        List.copyOf(e.getValue())))
                .toList();
        return new ClientHistory(clientRef, kb.version(), out, statuses);
    }

    /** The outcome measures of a request, scored on the serving knowledge base's definitions. */
    private static void outcomes(
            KnowledgeBase kb, ScreeningRequest request, UUID id, Instant at, Map<String, SeriesBuilder> series) {
        for (OutcomeAnswer a : request.outcomesOrEmpty()) {
            Optional<Measure> measure = kb.reference().outcomes().measure(a.measure());
            if (measure.isEmpty()) {
                continue;
            }
            Measure m = measure.get();
            Double score =
                    OutcomeScoring.score(m, a.itemsOrEmpty(), a.activities()).score();
            if (score != null) {
                SeriesBuilder b = series.computeIfAbsent(
                        "outcome|" + m.code(),
                        k -> new SeriesBuilder("outcome", m.code(), null, null, m.name(), m.unit()));
                b.scale = new ClientHistory.Scale(
                        m.min(),
                        m.max(),
                        m.better().name(),
                        m.mcid().value(),
                        m.mcid().note());
                b.points.add(new Point(id, at, score));
            }
        }
    }

    /**
     * The MCID either side of the first visit's score, where it falls on the scale: a later score beyond the
     * improvement line is an important improvement, beyond the other an important worsening.
     */
    private static List<ClientHistory.ThresholdLine> mcidLines(SeriesBuilder b) {
        ClientHistory.Scale scale = b.scale;
        double first = b.points.get(0).value();
        boolean lowerBetter = "lower".equals(scale.better());
        double better = lowerBetter ? first - scale.mcid() : first + scale.mcid();
        double worse = lowerBetter ? first + scale.mcid() : first - scale.mcid();
        List<ClientHistory.ThresholdLine> lines = new ArrayList<>();
        String mcid = "MCID " + InputDefinition.plain(scale.mcid());
        if (better >= scale.min() && better <= scale.max()) {
            lines.add(new ClientHistory.ThresholdLine(
                    "mcid_improvement",
                    "important improvement from the first visit (" + mcid + ")",
                    lowerBetter ? "<=" : ">=",
                    better,
                    "%".equals(b.unit) ? b.unit : null,
                    scale.mcidNote(),
                    List.of()));
        }
        if (worse >= scale.min() && worse <= scale.max()) {
            lines.add(new ClientHistory.ThresholdLine(
                    "mcid_worsening",
                    "important worsening from the first visit (" + mcid + ")",
                    lowerBetter ? ">=" : "<=",
                    worse,
                    "%".equals(b.unit) ? b.unit : null,
                    scale.mcidNote(),
                    List.of()));
        }
        return lines;
    }

    private static final class SeriesBuilder {
        final String kind, code, side, qualifier, label, unit;
        final List<Point> points = new ArrayList<>();
        ClientHistory.Scale scale;

        SeriesBuilder(String kind, String code, String side, String qualifier, String label, String unit) {
            this.kind = kind;
            this.code = code;
            this.side = side;
            this.qualifier = qualifier;
            this.label = label;
            this.unit = unit;
        }
    }

    private static void add(
            Map<String, SeriesBuilder> series,
            String kind,
            String code,
            String side,
            String qualifier,
            String label,
            ScreeningRequest.Measurement m,
            UUID id,
            Instant at) {
        String key = String.join("|", kind, code, String.valueOf(side), String.valueOf(qualifier), m.unit());
        series.computeIfAbsent(key, k -> new SeriesBuilder(kind, code, side, qualifier, label, m.unit()))
                .points
                .add(new Point(id, at, m.value()));
    }
}
