package io.crosscheck.web.service;

import io.crosscheck.common.json.Yaml;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.screening.model.ScreeningResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored result as the result page and its printouts show it: the safety box, the patterns strongest call
 * first, the body diagram, and the plan in the stages of {@code web/plan-stages.yaml} with each exercise's how-to
 * and precautions from the knowledge base's documentation and its picture; and the conclusions a clinician may
 * disagree with. The take-home sheet is {@link SheetViews}'.
 */
final class ResultViews {

    /** A stage of the plan as {@code web/plan-stages.yaml} names and explains it. */
    private record StageDef(int phase, String title, String summary) {}

    private record Stages(List<StageDef> stages) {}

    private final BodyDiagram diagram;
    private final List<StageDef> stages;

    ResultViews(BodyDiagram diagram) {
        this.diagram = diagram;
        this.stages = read("/web/plan-stages.yaml", Stages.class).stages();
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = ResultViews.class.getResourceAsStream(resource)) {
            return Yaml.strictMapper().readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResultView.Health health(ScreeningResult r) {
        ScreeningResult.HealthScreenOutcome h = r.healthScreen();
        return h == null
                ? new ResultView.Health(null, List.of(), List.of(), null, null)
                : new ResultView.Health(
                        h.status(), nonNull(h.considerations()), nonNull(h.unanswered()), h.because(), h.ruleId());
    }

    /** The result page's content; {@code record} is the screening around it ({@link WebScreenings#record}). */
    ResultView view(KnowledgeBase kb, ScreeningResult r, ResultView.ScreeningRecord record) {
        ScreeningResult.RedFlagOutcome rf = r.redFlags();
        boolean referral = rf != null && rf.referral();
        ResultView.Safety safety = new ResultView.Safety(
                referral,
                rf == null ? null : rf.urgency(),
                r.summary() == null ? null : r.summary().headline(),
                rf == null || rf.referrals() == null ? List.of() : rf.referrals(),
                rf == null || rf.screen() == null ? null : rf.screen().status(),
                rf == null || rf.screen() == null || rf.screen().unanswered() == null
                        ? List.of()
                        : rf.screen().unanswered(),
                rf != null && rf.exerciseWithheld());
        List<ResultView.PatternView> patterns = r.patterns() == null
                ? List.of()
                : r.patterns().stream()
                        .map(p -> new ResultView.PatternView(
                                p,
                                referral
                                        || (p.assessment() != null
                                                && !p.assessment().equals("assessed")),
                                findingLines(p)))
                        .sorted(Comparator.comparingInt(v -> v.pattern().patternStatus() == null
                                ? 9
                                : v.pattern().patternStatus().ordinal()))
                        .toList();
        List<ResultView.PlanItem> plan = plan(kb, r);
        List<ResultView.Stage> used = stages.stream()
                .filter(st -> plan.stream().anyMatch(i -> i.stage().phase() == st.phase()) || st.phase() == 1)
                .map(st -> new ResultView.Stage(st.phase(), st.title(), st.summary()))
                .toList();
        return new ResultView(
                r.id().toString(),
                r.clientRef(),
                record.screenedAt(),
                r.knowledgeBase() == null ? null : r.knowledgeBase().version(),
                r.disclaimer(),
                r.summary(),
                safety,
                health(r),
                patterns,
                diagram.svg(r),
                diagram.marks(r),
                plan,
                used,
                FirstSteps.of(kb, r, plan),
                nonNull(r.withheld()),
                nonNull(r.precautions()),
                nonNull(r.contributors()),
                nonNull(r.yellowFlags()),
                r.followUp(),
                record);
    }

    /**
     * The plan in priority order (a result stored before items were ranked keeps its Janda order), each item with its
     * stage, how-to and picture.
     */
    private List<ResultView.PlanItem> plan(KnowledgeBase kb, ScreeningResult r) {
        List<ScreeningResult.InterventionResult> items = new ArrayList<>(nonNull(r.interventions()));
        items.sort(Comparator.comparingInt(i -> i.priority() == null ? Integer.MAX_VALUE : i.priority()));
        List<ResultView.PlanItem> out = new ArrayList<>();
        for (ScreeningResult.InterventionResult i : items) {
            String page =
                    KbDocs.page(kb.source(), "interventions/" + i.id() + ".md").orElse("");
            StageDef def = stages.stream()
                    .filter(st -> st.phase() == i.phase())
                    .findFirst()
                    .orElse(new StageDef(i.phase(), "Stage " + i.phase(), ""));
            out.add(new ResultView.PlanItem(
                    i,
                    out.size() + 1,
                    new ResultView.Stage(def.phase(), def.title(), def.summary()),
                    KbDocs.section(page, "How to perform").map(KbDocs::plain).orElse(null),
                    KbDocs.section(page, "Precautions").map(KbDocs::plain).orElse(i.precautions()),
                    kb.source().files().containsKey(HomeProgramme.picture(i.id()))
                            ? SheetViews.pictureUrl(i.id())
                            : null));
        }
        return out;
    }

    /** A pattern's findings grouped by code, in the order first found, each with its sides. */
    private static List<ResultView.FindingLine> findingLines(ScreeningResult.PatternResult p) {
        Map<String, List<ScreeningResult.FindingResult>> byCode = new LinkedHashMap<>();
        for (ScreeningResult.FindingResult f : nonNull(p.findings())) {
            byCode.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(f);
        }
        List<ResultView.FindingLine> out = new ArrayList<>();
        byCode.forEach((code, sides) -> {
            List<ScreeningResult.FindingResult> sorted = new ArrayList<>(sides);
            sorted.sort(Comparator.comparing(f -> f.side() == null ? "" : f.side()));
            out.add(new ResultView.FindingLine(code, sides.get(0).label(), sorted));
        });
        return out;
    }

    static List<FormField.Option> conclusions(ScreeningResult r) {
        List<FormField.Option> out = new ArrayList<>();
        if (r.patterns() != null) {
            r.patterns().stream()
                    .filter(p -> p.conclusionId() != null)
                    .forEach(p -> out.add(new FormField.Option(
                            p.conclusionId(), "Pattern: " + p.name() + " (" + p.status() + ")", false)));
        }
        if (r.redFlags() != null && r.redFlags().referrals() != null) {
            r.redFlags().referrals().stream()
                    .filter(x -> x.conclusionId() != null)
                    .forEach(x -> out.add(new FormField.Option(
                            x.conclusionId(), "Referral: " + x.label() + " (" + x.urgency() + ")", false)));
        }
        if (r.interventions() != null) {
            r.interventions().stream()
                    .filter(i -> i.conclusionIds() != null && !i.conclusionIds().isEmpty())
                    .forEach(i -> out.add(new FormField.Option(i.conclusionIds().get(0), "Plan: " + i.name(), false)));
        }
        return out;
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }
}
