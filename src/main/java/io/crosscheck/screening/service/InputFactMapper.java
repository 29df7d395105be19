package io.crosscheck.screening.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.facts.Answer;
import io.crosscheck.engine.facts.ClientContext;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.NotRecorded;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputSection;
import io.crosscheck.screening.model.ScreeningRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a request against the knowledge base's vocabulary and turns it into input facts, each
 * carrying the JSON pointer it came from. Every unknown code, wrong unit and out-of-range value is
 * reported, not just the first. The coded entries are checked by {@link VocabularyEntries}; this class
 * reads the answer sections, puts the facts in order and throws with every problem found.
 */
public final class InputFactMapper {

    /** The client's age and sex: every client fact carries them (see {@link ClientContext}). */
    private static final String AGE = "/client/age";

    private static final String SEX = "/client/sex";

    private final ReferenceData reference;
    private final List<FieldError> errors = new ArrayList<>();
    private final VocabularyEntries entries;

    private InputFactMapper(ReferenceData reference) {
        this.reference = reference;
        this.entries = new VocabularyEntries(reference, errors);
    }

    public static List<InputFact> map(ScreeningRequest request, ReferenceData reference) {
        return new InputFactMapper(reference).toFacts(request);
    }

    /** Every problem {@link #map} would refuse the request for, without throwing: wrong types apart (a 400) from the rest (422). */
    static io.crosscheck.common.json.JsonBodyReader.Checked problems(
            ScreeningRequest request, ReferenceData reference) {
        try {
            map(request, reference);
            return io.crosscheck.common.json.JsonBodyReader.Checked.NONE;
        } catch (InvalidRequestException e) {
            AnswerChecks.Result answers = AnswerChecks.check(request, reference.inputs());
            List<FieldError> rest = new ArrayList<>(e.errors());
            rest.removeAll(answers.wrongType());
            return new io.crosscheck.common.json.JsonBodyReader.Checked(answers.wrongType(), rest);
        } catch (RuntimeException e) {
            // a value the model's own constraints refuse (a red-flag answer without a value): those are reported by the
            // constraints; the answer sections are still checked
            AnswerChecks.Result answers = AnswerChecks.check(request, reference.inputs());
            return new io.crosscheck.common.json.JsonBodyReader.Checked(answers.wrongType(), answers.invalid());
        }
    }

    private List<InputFact> toFacts(ScreeningRequest r) {
        List<InputFact> facts = new ArrayList<>();
        AnswerChecks.Result answers = AnswerChecks.check(r, reference.inputs());
        errors.addAll(answers.all());
        List<InputFact> answerFacts = answers.ok() ? answerFacts(r, answers.sent()) : List.of();
        // the order the facts had before the answer sections were data (client, tests, breathing, symptoms, lifestyle,
        // ...)
        answerFacts.stream().filter(f -> f instanceof ClientContext).forEach(facts::add);
        indexed(r.observationsOrEmpty(), "/observations", entries::observation, facts);
        indexed(r.muscleLengthOrEmpty(), "/muscleLength", entries::muscleLength, facts);
        indexed(r.movementPatternsOrEmpty(), "/movementPatterns", entries::movement, facts);
        answerFacts.stream()
                .filter(f -> f instanceof Answer a && a.getSection().equals("breathing"))
                .forEach(facts::add);
        indexed(r.symptomsOrEmpty(), "/symptoms", entries::symptom, facts);
        answerFacts.stream()
                .filter(f -> !(f instanceof ClientContext)
                        && !(f instanceof Answer a && a.getSection().equals("breathing")))
                .forEach(facts::add);
        facts.addAll(new OutcomeFacts(reference, errors).facts(r));
        careEpisode(r).ifPresent(facts::add);
        errors.addAll(RepeatedEntries.find(r));
        Set<String> answered = new HashSet<>();
        indexed(
                r.redFlagsOrEmpty(),
                "/redFlags",
                (f, ref) -> {
                    if (!answered.add(f.code())) {
                        errors.add(new FieldError(ref + "/code", "red flag answered more than once", f.code()));
                    }
                    return entries.redFlag(f, ref);
                },
                facts);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(answers.status(), errors);
        }
        return facts;
    }

    /**
     * One {@link Answer} per input sent, one {@link NotRecorded} per input that applies to this client and
     * was not sent, and the client's context (age and the norm group its sex selects).
     */
    private List<InputFact> answerFacts(ScreeningRequest r, Map<String, Map<String, Object>> sent) {
        List<InputFact> facts = new ArrayList<>();
        InputCatalog inputs = reference.inputs();
        Integer age = null;
        String sex = null;
        for (InputCatalog.Answered a : inputs.answered(sent)) {
            InputDefinition def = a.input();
            String test = def.test() != null
                    ? def.test()
                    : inputs.section(def.section()).map(InputSection::test).orElse(null);
            facts.add(new Answer(def, a.value(), test)
                    .inScreen(inputs.section(def.section())
                            .map(InputSection::screen)
                            .orElse(null)));
            if (def.pointer().equals(AGE)) {
                age = ((Double) a.value()).intValue();
            } else if (def.pointer().equals(SEX)) {
                sex = (String) a.value();
            }
        }
        Set<String> regions = new HashSet<>();
        r.symptomsOrEmpty().forEach(s -> regions.add(s.region()));
        for (InputDefinition missing : inputs.notSent(sent, age, sex, regions)) {
            facts.add(new NotRecorded(missing, inputs.section(missing.section()).orElse(null)));
        }
        if (age != null) {
            facts.add(new ClientContext("/client", age, sex));
        }
        return facts;
    }

    /**
     * How long the client has been in care, from the visit's date and care start; none at a first visit. The visit's
     * notes are never read here: free text is not a fact (rules cannot see it).
     */
    private static java.util.Optional<InputFact> careEpisode(ScreeningRequest r) {
        if (r.visit() == null || r.visit().at() == null || r.visit().inCareSince() == null) {
            return java.util.Optional.empty();
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(
                r.visit().inCareSince(), r.visit().at().toLocalDate());
        return days < 0
                ? java.util.Optional.empty()
                : java.util.Optional.of(new io.crosscheck.engine.facts.CareEpisode("/visit/inCareSince", days));
    }

    private interface ToFact<T> {
        InputFact apply(T item, String ref);
    }

    private <T> void indexed(List<T> items, String base, ToFact<T> toFact, List<InputFact> into) {
        for (int i = 0; i < items.size(); i++) {
            InputFact f = toFact.apply(items.get(i), base + "/" + i);
            if (f != null) {
                into.add(f);
            }
        }
    }
}
