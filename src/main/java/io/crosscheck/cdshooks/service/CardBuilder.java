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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Cards from a screening result, following the clinical rules of the result itself: one card per referral, red-flag
 * or health-screen (critical for emergency or urgent, warning otherwise; with its purpose) and nothing else while a
 * referral is pending; otherwise one card when the chart could not be fully read (so the red-flag screen cannot be
 * complete), or when a red-flag screen begun in the chart is incomplete, and one per pattern the findings are
 * consistent with (or partly: {@link PatternCards}). A red-flag screen never begun adds no card of its own (every chart
 * open would show it); the pattern cards say it. Detail is in clinical words: labels from the reference data, never
 * internal codes. Pure: no HTTP, no database.
 */
public final class CardBuilder {

    public static final int MAX_SUMMARY = 139;

    /**
     * A card and what it stands for: kind, the rule behind it (its source), every rule it rests on, and a fingerprint of
     * its clinical content (kind, indicator, summary and detail, without what was not read from the chart), by which the
     * same card is recognised on the next chart open.
     */
    public record Issued(CdsModel.Card card, String kind, String ruleId, List<String> ruleIds, String fingerprint) {}

    /**
     * What the cards say about the chart beside the result: whether any red-flag question was answered in it, and what
     * could not be read from it ({@code chartIncomplete}: the answers were not all read, so no screen is complete).
     */
    public record Context(boolean redFlagsAsked, List<String> chartLines, boolean chartIncomplete) {
        public static final Context FULL = new Context(true, List.of(), false);
    }

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

    InterventionOrders orders() {
        return orders;
    }

    public List<Issued> cards(ScreeningResult r, String patientId) {
        return cards(r, patientId, Context.FULL);
    }

    public List<Issued> cards(ScreeningResult r, String patientId, Context ctx) {
        List<Issued> out = new ArrayList<>();
        Map<String, String> because = r.explanation() == null
                ? Map.of()
                : r.explanation().nodes().stream()
                        .filter(n -> n.because() != null)
                        .collect(Collectors.toMap(ExplanationNode::id, ExplanationNode::because, (a, b) -> a));
        ScreeningResult.RedFlagOutcome flags = r.redFlags();
        if (flags != null && flags.referral()) {
            for (ScreeningResult.ReferralResult ref : flags.referrals()) {
                out.add(referral(r, ref, because, patientId, ctx));
            }
            return out; // a pending referral withholds everything else (SAF-900)
        }
        ScreeningResult.ScreenResult screen = flags == null ? null : flags.screen();
        boolean incomplete = screen != null && RedFlagScreen.INCOMPLETE.equals(screen.status());
        if (ctx.chartIncomplete()) {
            out.add(ScreenCards.chartIncomplete(this, r, screen, ctx));
        } else if (incomplete && ctx.redFlagsAsked()) {
            out.add(ScreenCards.incomplete(this, r, screen, ctx));
        }
        PatternCards patterns = new PatternCards(this);
        for (ScreeningResult.PatternResult p :
                r.patterns() == null ? List.<ScreeningResult.PatternResult>of() : r.patterns()) {
            if (p.patternStatus() == PatternStatus.CONSISTENT || p.patternStatus() == PatternStatus.PARTIAL) {
                out.add(patterns.card(r, p, patientId, ctx));
            }
        }
        return out;
    }

    private Issued referral(
            ScreeningResult r,
            ScreeningResult.ReferralResult ref,
            Map<String, String> because,
            String patientId,
            Context ctx) {
        Urgency urgency = ref.referralUrgency();
        String indicator = urgency == Urgency.EMERGENCY || urgency == Urgency.URGENT ? "critical" : "warning";
        String ruleId = ref.ruleIds().get(ref.ruleIds().size() - 1);
        boolean health = r.fromHealthScreen(ref);
        StringBuilder d = new StringBuilder();
        d.append("**Refer (")
                .append(ref.urgency())
                .append(") ")
                .append(markdown(ref.purpose()))
                .append(".** ")
                .append(health ? "Health-screen answers: " : "Red flags answered yes: ")
                .append(markdown(String.join("; ", ref.reasons())))
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
        return issue("referral", summary, d.toString(), indicator, ruleId, ref.ruleIds(), null, List.of(s), r, ctx);
    }

    /**
     * A card: {@code ruleId} is its source (the page a clinician opens to read why), {@code ruleIds} every rule it
     * rests on; what was not read from the chart is added to the detail after the fingerprint is taken.
     */
    Issued issue(
            String kind,
            String summary,
            String detail,
            String indicator,
            String ruleId,
            List<String> ruleIds,
            CdsModel.Source source,
            List<CdsModel.Suggestion> suggestions,
            ScreeningResult r,
            Context ctx) {
        String version = r.knowledgeBase().version();
        CdsModel.Source src = source != null
                ? source
                : new CdsModel.Source(
                        "Crosscheck rule " + ruleId + " (knowledge base " + version + ")", ruleUrl(ruleId));
        List<CdsModel.Coding> reasons = CrosscheckCodes.OVERRIDE_REASONS.stream()
                .map(c -> new CdsModel.Coding(CrosscheckCodes.SYSTEM, c, CrosscheckCodes.overrideDisplay(c)))
                .toList();
        String shortSummary = shorten(summary);
        String fingerprint = fingerprint(kind, indicator, shortSummary, detail);
        String shown = ctx.chartLines().isEmpty()
                ? detail
                : detail + "\n\n**Not read from the chart:**\n\n"
                        + ctx.chartLines().stream().map(l -> "- " + markdown(l)).collect(Collectors.joining("\n"));
        CdsModel.Card card = new CdsModel.Card(
                uuids.apply(r.id()),
                shortSummary,
                shown,
                indicator,
                src,
                suggestions,
                suggestions == null ? null : "at-most-one",
                reasons,
                links(r.id()));
        return new Issued(card, kind, ruleId, List.copyOf(ruleIds), fingerprint);
    }

    /** The card links to a stored screening: its page in the web UI, and a SMART launch for a SMART client. */
    public List<CdsModel.Link> links(UUID screeningId) {
        CdsModel.Link page = new CdsModel.Link("Open the Crosscheck result", resultUrl(screeningId), "absolute");
        return smart
                ? List.of(
                        page,
                        new CdsModel.Link(
                                "Open the Crosscheck result in the EHR (SMART)",
                                smartLaunchUrl(),
                                "smart",
                                screeningId.toString()))
                : List.of(page);
    }

    /** The page of a rule a clinician can open (physiotherapists and authors, after login): rule text and its kb-doc. */
    String ruleUrl(String ruleId) {
        return baseUrl + "/ui/kb/rules/" + ruleId;
    }

    /** The web UI's page of a screening (opens after login). */
    public String resultUrl(UUID screeningId) {
        return baseUrl + "/ui/screenings/" + screeningId;
    }

    /** The SMART launch URL the EHR opens for a {@code smart} link (EHR launch, with iss and launch). */
    public String smartLaunchUrl() {
        return baseUrl + "/smart/launch";
    }

    String uuid(UUID screening) {
        return uuids.apply(screening);
    }

    /** At most {@value #MAX_SUMMARY} characters (CDS Hooks: under 140), cut at a word boundary with an ellipsis. */
    static String shorten(String s) {
        if (s.length() <= MAX_SUMMARY) {
            return s;
        }
        String head = s.substring(0, MAX_SUMMARY - 1);
        int space = head.lastIndexOf(' ');
        String cut = space > MAX_SUMMARY / 2 ? head.substring(0, space) : head;
        return cut.replaceAll("[\\s,;:(\\-]+$", "") + "\u2026";
    }

    /** Text from the knowledge base in Markdown: characters Markdown would read as markup are escaped. */
    static String markdown(String s) {
        return s == null ? "" : s.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }

    static String fingerprint(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update((p == null ? "" : p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Identifier screeningIdentifier(ScreeningResult r) {
        return new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + r.id());
    }

    JsonNode resource(org.hl7.fhir.r4.model.Resource resource) {
        try {
            return json.readTree(FhirSupport.r4().newJsonParser().encodeResourceToString(resource));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
