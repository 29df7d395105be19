package io.crosscheck.web.service;

import io.crosscheck.common.json.Yaml;
import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.Urgency;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ClientLanguages;
import io.crosscheck.security.ClinicContact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds the take-home sheet ({@link SheetView}) from a stored result, the serving knowledge base's client texts
 * ({@link HomeProgramme}) and the sheet's own words ({@code web/client-words.yaml}): a referral's instruction from the
 * result's urgency (a domain's own words where it has them), the plan's home exercises in the plan's order with the
 * clinician's dose where one is set and without the exercises they kept back, their note ({@link SheetEdits}), and
 * nothing the catalogue keeps for the clinician.
 */
public final class SheetViews {

    /** The languages the sheet is written in, the first the default: each has its bundle of the sheet's words. */
    public static final List<String> LANGUAGES = ClientLanguages.SUPPORTED;

    private final Map<String, SheetWords> bundles = new LinkedHashMap<>();

    public SheetViews() {
        LANGUAGES.forEach(l -> bundles.put(l, load(l)));
    }

    /** Where the pages load an exercise's picture from (served from the serving knowledge base, checked). */
    public static String pictureUrl(String interventionId) {
        return "/ui/exercise-pictures/" + interventionId + ".svg";
    }

    /** The sheet's English words as shipped ({@code web/client-words.yaml}). */
    public static SheetWords load() {
        return load("en");
    }

    /**
     * The sheet's words in a language of {@link #LANGUAGES} ({@code web/client-words.yaml} for English,
     * {@code web/client-words.<language>.yaml} for the others), checked to be the bundle of that language.
     */
    public static SheetWords load(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("no sheet words in " + language);
        }
        String file = "en".equals(language) ? "/web/client-words.yaml" : "/web/client-words." + language + ".yaml";
        try (InputStream in = SheetViews.class.getResourceAsStream(file)) {
            SheetWords w = Yaml.strictMapper().readValue(in, SheetWords.class);
            if (!language.equals(w.language())) {
                throw new IllegalStateException(file + " says it is in " + w.language() + ", not " + language);
            }
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of a language of {@link #LANGUAGES}. */
    public SheetWords words(String language) {
        return bundles.get(language);
    }

    /** The sheet in English. */
    public SheetView view(
            KnowledgeBase kb, ScreeningResult r, String kbVersion, ClinicContact contact, SheetEdits edits) {
        return view(kb, r, kbVersion, contact, edits, "en");
    }

    /** The sheet in a language of {@link #LANGUAGES}: its words and the knowledge base's client texts in it. */
    public SheetView view(
            KnowledgeBase kb,
            ScreeningResult r,
            String kbVersion,
            ClinicContact contact,
            SheetEdits edits,
            String language) {
        SheetWords words = bundles.get(language);
        if (words == null) {
            throw new IllegalArgumentException("no sheet words in " + language);
        }
        HomeProgramme home = kb.reference().home(language);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(words.date(), Locale.forLanguageTag(language))
                .withZone(ZoneOffset.UTC);
        ScreeningResult.RedFlagOutcome rf = r.redFlags();
        SheetView.Referral referral = rf != null && rf.referral() ? referral(words, home, rf) : null;
        List<SheetView.Exercise> exercises = new ArrayList<>();
        boolean moreInClinic = false;
        for (ScreeningResult.InterventionResult i :
                r.interventions() == null ? List.<ScreeningResult.InterventionResult>of() : r.interventions()) {
            Optional<HomeProgramme.Exercise> e = home.exercise(i.id());
            if (e.isPresent()) {
                if (!edits.excluded().contains(i.id()) && exercises.stream().noneMatch(x -> x.id().equals(i.id()))) {
                    exercises.add(exercise(words, kb, e.get(), edits.doses().get(i.id())));
                }
            } else {
                moreInClinic |= kb.reference()
                        .intervention(i.id())
                        .map(InterventionDefinition::isExercise)
                        .orElse(false);
            }
        }
        List<String> precautions = (r.precautions() == null
                        ? List.<ScreeningResult.PrecautionResult>of()
                        : r.precautions())
                .stream()
                        .map(p -> words.precautions().get(p.code()))
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList();
        return new SheetView(
                r.id() == null ? null : r.id().toString(),
                language,
                words.name(),
                r.createdAt() == null ? day.format(Instant.now()) : day.format(r.createdAt()),
                kbVersion,
                words.sheet(),
                referral,
                rf != null && rf.exerciseWithheld(),
                exercises,
                moreInClinic,
                precautions,
                contact,
                edits.note());
    }

    /**
     * The referral as the client reads it: the result's urgency, what to do now (the words of the first referral of
     * that urgency's domain, else the urgency's own), why, and what to watch for until seen.
     */
    private static SheetView.Referral referral(
            SheetWords words, HomeProgramme home, ScreeningResult.RedFlagOutcome rf) {
        List<ScreeningResult.ReferralResult> refs = rf.referrals() == null ? List.of() : rf.referrals();
        Urgency overall = ScreeningResult.urgency(rf.urgency());
        if (overall == null) {
            overall = refs.stream()
                    .map(ScreeningResult.ReferralResult::referralUrgency)
                    .filter(Objects::nonNull)
                    .min(Enum::compareTo)
                    .orElse(Urgency.URGENT);
        }
        String urgency = overall.name().toLowerCase(Locale.ROOT);
        SheetWords.Now now = words.referrals().get(urgency);
        String headline = now.now();
        for (ScreeningResult.ReferralResult ref : refs) {
            if (overall == ref.referralUrgency()) {
                Optional<String> own =
                        home.referral(ref.domain()).map(w -> w.now().get(urgency));
                if (own.isPresent()) {
                    headline = own.get();
                    break;
                }
            }
        }
        List<String> reasons = refs.stream()
                .map(ref -> home.referral(ref.domain())
                        .map(HomeProgramme.ReferralWords::about)
                        .orElse(words.sheet().aboutFallback()))
                .distinct()
                .toList();
        SheetView.Watch watch = overall == Urgency.EMERGENCY
                ? SheetView.Watch.NONE
                : refs.stream().anyMatch(ref -> "cardiovascular".equals(ref.domain()))
                        ? SheetView.Watch.HEART
                        : SheetView.Watch.SPINE;
        return new SheetView.Referral(urgency, headline, now.detail(), reasons, watch);
    }

    private static SheetView.Exercise exercise(
            SheetWords words, KnowledgeBase kb, HomeProgramme.Exercise e, HomeProgramme.Dose clinicians) {
        HomeProgramme.Dose dose = clinicians != null ? clinicians : e.dose();
        List<SheetView.DoseLine> lines = new ArrayList<>();
        SheetWords.Fixed w = words.sheet();
        if (dose != null) {
            line(lines, w.sets(), dose.sets());
            line(lines, w.repeat(), dose.repeat());
            line(lines, w.hold(), dose.hold());
            line(lines, w.often(), dose.often());
        }
        boolean much = dose != null && dose.saysHowMuch();
        boolean often = dose != null && dose.saysHowOften();
        if (!much || !often) {
            lines.add(new SheetView.DoseLine(
                    null, !much && !often ? w.doseBoth() : !much ? w.doseHowMuch() : w.doseHowOften()));
        }
        String picture = kb.source().files().containsKey(HomeProgramme.picture(e.id())) ? pictureUrl(e.id()) : null;
        return new SheetView.Exercise(e.id(), e.title(), picture, e.steps(), lines, e.feel(), e.stop());
    }

    private static void line(List<SheetView.DoseLine> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(new SheetView.DoseLine(label, value));
        }
    }
}
