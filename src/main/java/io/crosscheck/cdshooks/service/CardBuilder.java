package io.crosscheck.cdshooks.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.engine.InterventionOrders;
import io.crosscheck.engine.explain.ExplanationNode;
import io.crosscheck.engine.facts.PatternStatus;
import io.crosscheck.engine.facts.RedFlagScreen;
import io.crosscheck.engine.facts.Urgency;
import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.CrosscheckCodes;
import io.crosscheck.fhir.service.PlanRequests;
import io.crosscheck.screening.model.ScreeningResult;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Cards from a screening result, following the clinical rules of the result itself: one card per
 * referral, red-flag or health-screen (critical for emergency or urgent, warning otherwise; with its purpose) and
 * nothing else while a referral is pending; otherwise one card when the red-flag screen is incomplete (naming the
 * unanswered questions, never reading them as "no") and one per pattern the findings are consistent with (or
 * partly). The health screen's status is stated in those cards ({@link HealthScreenLines}), never in a card of its
 * own. Pure: no HTTP, no database.
 */
public final class CardBuilder {

    public static final int MAX_SUMMARY = 139;

    /** A card and what it stands for (kind and the rule behind it), for storing and feedback. */
    public record Issued(CdsModel.Card card, String kind, String ruleId) {}

    private final ObjectMapper json;
    private final String baseUrl;
    private final Function<UUID, String> uuids;
    private final boolean smart;
    private InterventionOrders orders = InterventionOrders.NONE;

    /** {@code baseUrl}: absolute base of the links (web UI and kb-docs). */
    public CardBuilder(ObjectMapper json, String baseUrl) {
        this(json, baseUrl, false);
    }

    /** {@code smart}: the EHR client is registered for SMART launch, so cards also carry a {@code smart} link. */
    public CardBuilder(ObjectMapper json, String baseUrl, boolean smart) {
        this(json, baseUrl, id -> UUID.randomUUID().toString(), smart);
    }

    CardBuilder(ObjectMapper json, String baseUrl, Function<UUID, String> uuids) {
        this(json, baseUrl, uuids, false);
    }

    CardBuilder(ObjectMapper json, String baseUrl, Function<UUID, String> uuids, boolean smart) {
        this.json = json;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.uuids = uuids;
        this.smart = smart;
    }

    /** The knowledge base's orders, which code the suggested ServiceRequests ({@link PlanRequests}). */
    public CardBuilder orderedWith(InterventionOrders orders) {
        this.orders = orders;
        return this;
    }

    public List<Issued> cards(ScreeningResult r, String patientId) {
        List<Issued> out = new ArrayList<>();
        Map<String, String> because = r.explanation() == null
                ? Map.of()
                : r.explanation().nodes().stream()
                        .filter(n -> n.because() != null)
                        .collect(Collectors.toMap(ExplanationNode::id, ExplanationNode::because, (a, b) -> a));
        String version = r.knowledgeBase().version();
        ScreeningResult.RedFlagOutcome flags = r.redFlags();
        if (flags != null && flags.referral()) {
            for (ScreeningResult.ReferralResult ref : flags.referrals()) {
                out.add(referral(r, ref, because, version, patientId));
            }
            return out; // a pending referral withholds everything else (SAF-900)
        }
        if (flags != null
                && flags.screen() != null
                && RedFlagScreen.INCOMPLETE.equals(flags.screen().status())) {
            out.add(incomplete(r, flags.screen(), version));
        }
        for (ScreeningResult.PatternResult p :
                r.patterns() == null ? List.<ScreeningResult.PatternResult>of() : r.patterns()) {
            if (p.patternStatus() == PatternStatus.CONSISTENT || p.patternStatus() == PatternStatus.PARTIAL) {
                out.add(pattern(r, p, version, patientId));
            }
        }
        return out;
    }

    private Issued referral(
            ScreeningResult r,
            ScreeningResult.ReferralResult ref,
            Map<String, String> because,
            String version,
            String patientId) {
        Urgency urgency = ref.referralUrgency();
        String indicator = urgency == Urgency.EMERGENCY || urgency == Urgency.URGENT ? "critical" : "warning";
        String ruleId = ref.ruleIds().get(ref.ruleIds().size() - 1);
        boolean health = r.fromHealthScreen(ref);
        StringBuilder d = new StringBuilder();
        d.append("**Refer (")
                .append(ref.urgency())
                .append(") ")
                .append(ref.purpose())
                .append(".** ")
                .append(health ? "Health-screen answers: " : "Red flags answered yes: ")
                .append(String.join("; ", ref.reasons()))
                .append(".\n\n");
        String why = because.get(ref.conclusionId());
        if (why != null) {
            d.append("- ").append(markdown(why)).append('\n');
        }
        d.append("\nExercise and further testing advice is withheld while the referral is pending. "
                        + (health ? "Screening answers" : "Red flags")
                        + " raise suspicion; clinical reasoning decides.\n\nRules: ")
                .append(String.join(", ", ref.ruleIds()))
                .append('.');
        ServiceRequest sr = PlanRequests.referral(orders, ref, health, new Reference("Patient/" + patientId));
        sr.addIdentifier(screeningIdentifier(r));
        String summary = "Refer (" + ref.urgency() + ") " + ref.purpose();
        CdsModel.Suggestion s = new CdsModel.Suggestion(
                "Propose a referral for medical assessment",
                uuids.apply(r.id()),
                true,
                List.of(new CdsModel.Action("create", "Referral " + ref.purpose(), resource(sr))));
        return new Issued(card(summary, d.toString(), indicator, ruleId, version, List.of(s), r), "referral", ruleId);
    }

    private Issued incomplete(ScreeningResult r, ScreeningResult.ScreenResult screen, String version) {
        int count =
                screen.unanswered().stream().mapToInt(u -> u.questions().size()).sum();
        StringBuilder d = new StringBuilder(
                "**Red-flag screen incomplete: " + count + " question" + (count == 1 ? "" : "s")
                        + " not answered.** An unanswered question is never read as \"no\"; the plan below is provisional until they are answered.\n\n");
        for (ScreeningResult.UnansweredDomain u : screen.unanswered()) {
            d.append("- **")
                    .append(markdown(u.label()))
                    .append("**: ")
                    .append(u.questions().stream()
                            .map(q -> markdown(q.label()) + " (`red-flag." + q.code() + "`)")
                            .collect(Collectors.joining("; ")))
                    .append('\n');
        }
        if (screen.because() != null) {
            d.append("\n").append(markdown(screen.because())).append('\n');
        }
        d.append('\n').append(HealthScreenLines.status(r));
        String summary =
                "Red-flag screen incomplete: " + count + " question" + (count == 1 ? "" : "s") + " unanswered ("
                        + screen.unanswered().stream()
                                .map(ScreeningResult.UnansweredDomain::label)
                                .collect(Collectors.joining(", "))
                        + ")";
        return new Issued(
                card(summary, d.toString(), "warning", screen.ruleId(), version, null, r),
                "screen-incomplete",
                screen.ruleId());
    }

    private Issued pattern(ScreeningResult r, ScreeningResult.PatternResult p, String version, String patientId) {
        boolean provisional =
                r.summary() != null && "provisional".equals(r.summary().plan());
        String open = HealthScreenLines.provisionalBecause(r);
        StringBuilder d = new StringBuilder();
        d.append("**")
                .append(markdown(p.statement()))
                .append("** (")
                .append(p.status())
                .append(provisional ? ", provisional" : "")
                .append(")\n\n")
                .append(HealthScreenLines.status(r));
        if (p.because() != null) {
            d.append("- ").append(markdown(p.because())).append('\n');
        }
        d.append("\n*Evidence:* ").append(markdown(p.evidenceNote())).append("\n\n");
        List<ScreeningResult.InterventionResult> plan = r.interventions() == null ? List.of() : r.interventions();
        if (!plan.isEmpty()) {
            d.append("**Suggested interventions** (Janda sequence):\n\n");
            for (ScreeningResult.InterventionResult i : plan) {
                d.append("1. ")
                        .append(markdown(i.name()))
                        .append(i.dose() == null ? "" : ": " + markdown(i.dose()))
                        .append('\n');
            }
            d.append('\n');
        }
        d.append("_").append(ScreeningResult.DISCLAIMER).append("_");
        List<CdsModel.Suggestion> suggestions = null;
        if (!plan.isEmpty()) {
            ServiceRequest sr = PlanRequests.programme(orders, p, plan, new Reference("Patient/" + patientId));
            sr.addIdentifier(screeningIdentifier(r));
            suggestions = List.of(new CdsModel.Suggestion(
                    "Propose an exercise programme",
                    uuids.apply(r.id()),
                    false,
                    List.of(new CdsModel.Action(
                            "create",
                            "Exercise programme for findings consistent with the " + p.name() + " pattern",
                            resource(sr)))));
        }
        String summary = p.statement() + (provisional && !open.isEmpty() ? " (provisional: " + open + ")" : "");
        return new Issued(
                card(summary, d.toString(), "info", p.ruleId(), version, suggestions, r), "pattern", p.ruleId());
    }

    private CdsModel.Card card(
            String summary,
            String detail,
            String indicator,
            String ruleId,
            String version,
            List<CdsModel.Suggestion> suggestions,
            ScreeningResult r) {
        CdsModel.Source source = new CdsModel.Source(
                "Crosscheck rule " + ruleId + " (knowledge base " + version + ")",
                baseUrl + "/api/v1/knowledge-base/versions/" + version + "/files/kb-docs/rules/" + ruleId + ".md");
        List<CdsModel.Coding> reasons = CrosscheckCodes.OVERRIDE_REASONS.stream()
                .map(c -> new CdsModel.Coding(CrosscheckCodes.SYSTEM, c, CrosscheckCodes.overrideDisplay(c)))
                .toList();
        CdsModel.Link page = new CdsModel.Link("Open the Crosscheck result", resultUrl(r.id()), "absolute");
        List<CdsModel.Link> links = smart
                ? List.of(
                        page,
                        new CdsModel.Link(
                                "Open the Crosscheck result in the EHR (SMART)",
                                smartLaunchUrl(),
                                "smart",
                                r.id().toString()))
                : List.of(page);
        return new CdsModel.Card(
                uuids.apply(r.id()),
                shorten(summary),
                detail,
                indicator,
                source,
                suggestions,
                suggestions == null ? null : "at-most-one",
                reasons,
                links);
    }

    /** The web UI's page of a screening (opens after login). */
    public String resultUrl(UUID screeningId) {
        return baseUrl + "/ui/screenings/" + screeningId;
    }

    /** The SMART launch URL the EHR opens for a {@code smart} link (EHR launch, with iss and launch). */
    public String smartLaunchUrl() {
        return baseUrl + "/smart/launch";
    }

    static String shorten(String s) {
        return s.length() <= MAX_SUMMARY ? s : s.substring(0, MAX_SUMMARY - 1).stripTrailing() + "\u2026";
    }

    /** Text from the knowledge base in Markdown: characters Markdown would read as markup are escaped. */
    static String markdown(String s) {
        return s == null ? "" : s.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }

    private static Identifier screeningIdentifier(ScreeningResult r) {
        return new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + r.id());
    }

    private JsonNode resource(org.hl7.fhir.r4.model.Resource resource) {
        try {
            return json.readTree(FhirSupport.r4().newJsonParser().encodeResourceToString(resource));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
