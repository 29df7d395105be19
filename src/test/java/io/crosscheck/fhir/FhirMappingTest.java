package io.crosscheck.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputType;
import io.crosscheck.fhir.service.CrosscheckCodes;
import io.crosscheck.fhir.service.FhirScreeningMapper;
import io.crosscheck.screening.model.Answers;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.support.FhirFixtures;
import io.crosscheck.support.RuleHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.junit.jupiter.api.Test;

/** The FHIR-to-request mapping without HTTP: the clinical-safety rules of reading FHIR, and the table, code system and mapper in step. */
class FhirMappingTest {

    static final ReferenceData REFERENCE = RuleHarness.shipped().knowledgeBase().reference();
    static final Path TABLE = Path.of("kb-docs/fhir-mapping.md");

    static FhirScreeningMapper.Result map(FhirScreeningMapper.Mode mode, Resource... resources) {
        List<FhirScreeningMapper.Located> located = new ArrayList<>();
        located.add(new FhirScreeningMapper.Located(FhirFixtures.patient(), "/patient"));
        for (int i = 0; i < resources.length; i++) {
            located.add(new FhirScreeningMapper.Located(resources[i], "/entry/" + i + "/resource"));
        }
        return new FhirScreeningMapper(REFERENCE, mode, LocalDate.now()).map(located, "pseudo-1");
    }

    static Observation observation(String code) {
        Observation o = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(CrosscheckCodes.SYSTEM, code, null)));
        return o;
    }

    static CodeableConcept cc(String code) {
        return new CodeableConcept(new Coding(CrosscheckCodes.SYSTEM, code, null));
    }

    @Test
    void theArticleClientInFhirMapsToTheSameRequestAsHerJson() throws Exception {
        List<Resource> all = new ArrayList<>(FhirFixtures.findings());
        all.add(FhirFixtures.redFlagAnswers(FhirFixtures.LOW_BACK_RED_FLAGS, List.of()));
        all.add(FhirFixtures.healthAnswers());
        FhirScreeningMapper.Result r = map(FhirScreeningMapper.Mode.LENIENT, all.toArray(Resource[]::new));
        assertThat(r.errors()).isEmpty();
        assertThat(r.skipped())
                .extracting(FhirScreeningMapper.Skipped::code)
                .containsExactly("http://loinc.org|8867-4");
        ScreeningRequest fromJson =
                RuleHarness.JSON.readValue(io.crosscheck.support.Requests.ARTICLE_DESK_WORKER, ScreeningRequest.class);
        ScreeningRequest fromFhir = r.request();
        assertThat(fromFhir.client()).isEqualTo(fromJson.client());
        assertThat(fromFhir.observations()).isEqualTo(fromJson.observations());
        assertThat(fromFhir.muscleLength()).isEqualTo(fromJson.muscleLength());
        assertThat(fromFhir.movementPatterns()).isEqualTo(fromJson.movementPatterns());
        assertThat(fromFhir.symptoms()).isEqualTo(fromJson.symptoms());
        assertThat(fromFhir.lifestyle()).isEqualTo(fromJson.lifestyle());
        assertThat(fromFhir.breathing()).isEqualTo(fromJson.breathing());
        assertThat(fromFhir.psychosocial()).isEqualTo(fromJson.psychosocial());
        assertThat(fromFhir.answerSections()).isEqualTo(fromJson.answerSections());
        assertThat(new TreeSet<>(
                        fromFhir.redFlags().stream().map(Object::toString).toList()))
                .isEqualTo(new TreeSet<>(
                        fromJson.redFlags().stream().map(Object::toString).toList()));
        // and screens the same
        assertThat(RuleHarness.shipped()
                        .screen(RuleHarness.JSON.writeValueAsString(fromFhir))
                        .patterns())
                .isEqualTo(RuleHarness.shipped()
                        .screen(io.crosscheck.support.Requests.ARTICLE_DESK_WORKER)
                        .patterns());
    }

    @Test
    void aRedFlagIsNoOnlyWhenExplicitlyAnsweredNo() {
        Observation noValue = observation("red-flag.saddle_anaesthesia");
        Observation dataAbsent = observation("red-flag.fever_chills");
        dataAbsent.setDataAbsentReason(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/data-absent-reason", "asked-unknown", null)));
        Observation cancelled = observation("red-flag.major_trauma").setStatus(Observation.ObservationStatus.CANCELLED);
        cancelled.setValue(new BooleanType(false));
        Condition resolved = new Condition().setCode(cc("red-flag.immunosuppression"));
        resolved.setClinicalStatus(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "resolved", null)));
        Observation preliminary =
                observation("red-flag.iv_drug_use").setStatus(Observation.ObservationStatus.PRELIMINARY);
        preliminary.setValue(new BooleanType(false));
        FhirScreeningMapper.Result unanswered =
                map(FhirScreeningMapper.Mode.LENIENT, noValue, dataAbsent, cancelled, resolved, preliminary);
        assertThat(unanswered.request().redFlags())
                .as("nothing here is an answer")
                .isNull();

        Observation no = observation("red-flag.saddle_anaesthesia").setValue(new BooleanType(false));
        Observation snomedNo = new Observation()
                .setStatus(Observation.ObservationStatus.FINAL)
                .setCode(new CodeableConcept(new Coding(CrosscheckCodes.SNOMED, "404640003", "Dizziness")));
        snomedNo.setValue(new CodeableConcept(new Coding(CrosscheckCodes.SNOMED, "373067005", "No")));
        Condition refuted = new Condition().setCode(cc("red-flag.history_of_cancer"));
        refuted.setVerificationStatus(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "refuted", null)));
        Condition active =
                new Condition().setCode(new CodeableConcept(new Coding(CrosscheckCodes.SNOMED, "448765001", null)));
        active.setClinicalStatus(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        FhirScreeningMapper.Result answered = map(FhirScreeningMapper.Mode.LENIENT, no, snomedNo, refuted, active);
        assertThat(answered.request().redFlags())
                .containsExactlyInAnyOrder(
                        new ScreeningRequest.RedFlagAnswer("saddle_anaesthesia", false),
                        new ScreeningRequest.RedFlagAnswer("dizziness", false),
                        new ScreeningRequest.RedFlagAnswer("history_of_cancer", false),
                        new ScreeningRequest.RedFlagAnswer("unexplained_weight_loss", true));
    }

    @Test
    void theLatestAnswerToAQuestionWins() {
        Observation older = observation("red-flag.saddle_anaesthesia").setValue(new BooleanType(false));
        older.setEffective(
                new DateTimeType(java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(200)))));
        Observation newer = observation("red-flag.saddle_anaesthesia").setValue(new BooleanType(true));
        newer.setEffective(
                new DateTimeType(java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(20)))));
        assertThat(map(FhirScreeningMapper.Mode.LENIENT, newer, older).request().redFlags())
                .containsExactly(new ScreeningRequest.RedFlagAnswer("saddle_anaesthesia", true));
    }

    @Test
    void unknownCodesAreSkippedAndListedWhenLenientAndErrorsNamingThePathWhenStrict() {
        Observation bp = new Observation()
                .setStatus(Observation.ObservationStatus.FINAL)
                .setCode(new CodeableConcept(new Coding("http://loinc.org", "85354-9", "Blood pressure")));
        Observation wrongUnit = observation("muscle.iliopsoas")
                .setValue(new Quantity().setValue(12).setCode("cm").setSystem(CrosscheckCodes.UCUM));
        FhirScreeningMapper.Result lenient = map(FhirScreeningMapper.Mode.LENIENT, bp, wrongUnit);
        assertThat(lenient.errors()).isEmpty();
        assertThat(lenient.skipped())
                .extracting(FhirScreeningMapper.Skipped::code)
                .contains("http://loinc.org|85354-9");
        assertThat(lenient.request().muscleLength()).isNull();
        FhirScreeningMapper.Result strict = map(FhirScreeningMapper.Mode.STRICT, bp, wrongUnit);
        assertThat(strict.errors())
                .extracting(e -> e.field())
                .containsExactly("/entry/0/resource/code", "/entry/1/resource/valueQuantity");
    }

    @Test
    void aPatientWithoutBirthDateCannotBeScreened() {
        FhirScreeningMapper.Result r = new FhirScreeningMapper(
                        REFERENCE, FhirScreeningMapper.Mode.STRICT, LocalDate.now())
                .map(List.of(new FhirScreeningMapper.Located(new org.hl7.fhir.r4.model.Patient(), "/p")), null);
        assertThat(r.errors()).extracting(e -> e.field()).containsExactly("/p/birthDate");
    }

    /** Every input concept of the code system, sent in the FHIR element the table names, is read by the mapper. */
    @Test
    void everyInputCodeOfTheCodeSystemIsReadByTheMapper() {
        Vocabulary v = REFERENCE.vocabulary();
        List<String> unread = new ArrayList<>();
        for (CrosscheckCodes.Concept c : CrosscheckCodes.concepts(REFERENCE)) {
            if (c.use() != CrosscheckCodes.Use.INPUT) {
                continue;
            }
            String code = c.code();
            String local = code.contains(".") ? code.substring(code.indexOf('.') + 1) : code;
            String category = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
            FhirScreeningMapper.Result r;
            boolean read;
            switch (category) {
                case "posture" -> {
                    Vocabulary.PostureCode pc = v.postureCode(local).orElseThrow();
                    Observation o = observation(code);
                    o.setValue(
                            pc.measurement() == null
                                    ? new BooleanType(true)
                                    : new Quantity()
                                            .setValue(pc.measurement().min())
                                            .setCode(pc.measurement().unit().replace("mmHg", "mm[Hg]")));
                    r = map(FhirScreeningMapper.Mode.STRICT, o);
                    read = r.request().observations() != null
                            && r.request().observations().get(0).code().equals(local);
                }
                case "muscle" -> {
                    Observation o = observation(code);
                    o.addInterpretation(cc("result.short"));
                    r = map(FhirScreeningMapper.Mode.STRICT, o);
                    read = r.request().muscleLength() != null
                            && r.request().muscleLength().get(0).muscle().equals(local);
                }
                case "movement" -> {
                    Observation o = observation(code);
                    o.addInterpretation(cc("result.abnormal"));
                    r = map(FhirScreeningMapper.Mode.STRICT, o);
                    read = r.request().movementPatterns() != null
                            && r.request().movementPatterns().get(0).test().equals(local);
                }
                case "substitution" -> {
                    String sub = code.equals("substitution")
                            ? v.movementTests().get(0).substitutions().get(0).code()
                            : local;
                    Vocabulary.MovementTestCode test = v.movementTests().stream()
                            .filter(t -> t.substitution(sub).isPresent())
                            .findFirst()
                            .orElseThrow();
                    Observation o = observation("movement." + test.code());
                    o.addComponent().setCode(cc("substitution")).setValue(cc("substitution." + sub));
                    r = map(FhirScreeningMapper.Mode.STRICT, o);
                    read = r.request().movementPatterns() != null
                            && r.request()
                                    .movementPatterns()
                                    .get(0)
                                    .substitutions()
                                    .contains(sub);
                }
                case "red-flag" -> {
                    r = map(FhirScreeningMapper.Mode.STRICT, observation(code).setValue(new BooleanType(false)));
                    read = r.request().redFlags() != null
                            && r.request().redFlags().get(0).code().equals(local);
                }
                case "symptom", "region", "symptom-kind", "trigger", "pain-nrs", "duration-weeks", "settle-minutes" -> {
                    String region = category.equals("region")
                            ? local
                            : v.symptoms().regions().get(0).code();
                    String kind = category.equals("symptom-kind")
                            ? local
                            : v.symptoms().kinds().get(0).code();
                    String trigger = category.equals("trigger") && !local.equals("trigger")
                            ? local
                            : v.symptoms().triggers().get(0).code();
                    Observation o = observation("symptom");
                    o.setBodySite(cc("region." + region)).setValue(cc("symptom-kind." + kind));
                    o.addComponent().setCode(cc("trigger")).setValue(cc("trigger." + trigger));
                    o.addComponent().setCode(cc("pain-nrs")).setValue(new IntegerType(3));
                    o.addComponent().setCode(cc("duration-weeks")).setValue(new IntegerType(2));
                    o.addComponent().setCode(cc("settle-minutes")).setValue(new IntegerType(30));
                    r = map(FhirScreeningMapper.Mode.STRICT, o);
                    read = r.request().symptoms() != null
                            && r.request()
                                    .symptoms()
                                    .get(0)
                                    .equals(new ScreeningRequest.Symptom(region, kind, trigger, 3, 2, 30));
                }
                case "side" -> {
                    String side = code.equals("side") ? "left" : local;
                    Observation o = observation("muscle.iliopsoas");
                    o.addInterpretation(cc("result.short"));
                    o.addComponent().setCode(cc("side")).setValue(cc("side." + side));
                    r = map(FhirScreeningMapper.Mode.STRICT, o);
                    read = r.request().muscleLength() != null
                            && side.equals(r.request().muscleLength().get(0).side());
                }
                case "result" -> {
                    boolean muscle = !local.equals("abnormal");
                    Observation o = observation(muscle ? "muscle.iliopsoas" : "movement.prone_hip_extension");
                    o.addInterpretation(cc(code));
                    r = map(FhirScreeningMapper.Mode.STRICT, o);
                    read = muscle
                            ? r.request().muscleLength() != null
                                    && local.equals(
                                            r.request().muscleLength().get(0).result())
                            : r.request().movementPatterns() != null
                                    && local.equals(r.request()
                                            .movementPatterns()
                                            .get(0)
                                            .result());
                }
                default -> {
                    // an input of inputs.yaml (<section>.<code>) or an option of a choice input
                    // (<code-with-dashes>.<option>)
                    InputDefinition input = REFERENCE.inputs().inputs().stream()
                            .filter(i -> i.crosscheckCode().equals(code)
                                    || (i.type() == InputType.CHOICE
                                            && code.startsWith(CrosscheckCodes.optionPrefix(i) + ".")))
                            .findFirst()
                            .orElse(null);
                    if (input == null) {
                        r = null;
                        read = false;
                        break;
                    }
                    Object expected;
                    Type value;
                    switch (input.type()) {
                        case YES_NO -> {
                            expected = true;
                            value = new BooleanType(true);
                        }
                        case INTEGER -> {
                            expected = input.max().intValue();
                            value = new IntegerType(input.max().intValue());
                        }
                        case NUMBER -> {
                            expected = input.max();
                            value = new Quantity().setValue(input.max()).setCode(input.unit());
                        }
                        default -> {
                            String option = code.equals(input.crosscheckCode())
                                    ? input.options().get(0).code()
                                    : local;
                            expected = option;
                            value = cc(CrosscheckCodes.optionPrefix(input) + "." + option);
                        }
                    }
                    r = map(
                            FhirScreeningMapper.Mode.STRICT,
                            observation(input.crosscheckCode()).setValue(value));
                    Answers section = r.request().answerSections().get(input.section());
                    Object got = section == null ? null : section.get(input.field());
                    read = got != null
                            && (got instanceof Number n
                                    ? n.doubleValue() == ((Number) expected).doubleValue()
                                    : got.equals(expected));
                }
            }
            if (r == null || !r.ok() || !read) {
                unread.add(code + (r == null ? "" : " " + r.errors()));
            }
        }
        assertThat(unread).isEmpty();
    }

    /** The kb-docs table lists exactly the code system's concepts, with the SNOMED CT alternatives the mapper reads. */
    @Test
    void theMappingTableTheCodeSystemAndTheMapperAgree() throws Exception {
        writeExpectedRows();
        Pattern row = Pattern.compile("^\\| `([^`]+)` \\|[^|]*\\|[^|]*\\| (?:`(\\d+)`[^|]*|-) \\|.*$");
        Map<String, String> table = new TreeMap<>();
        Set<String> snomedInTable = new TreeSet<>();
        for (String line : Files.readAllLines(TABLE)) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                assertThat(table.put(m.group(1), m.group(2)))
                        .as("listed once: " + m.group(1))
                        .isNull();
                if (m.group(2) != null) {
                    snomedInTable.add(m.group(2) + "=" + m.group(1));
                }
            }
        }
        Set<String> codeSystem = CrosscheckCodes.concepts(REFERENCE).stream()
                .map(CrosscheckCodes.Concept::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(table.keySet())
                .as("rows of kb-docs/fhir-mapping.md vs GET /fhir/CodeSystem/crosscheck")
                .isEqualTo(codeSystem);
        assertThat(snomedInTable)
                .isEqualTo(CrosscheckCodes.snomedByCrosscheckCode(REFERENCE).entrySet().stream()
                        .map(e -> e.getValue() + "=" + e.getKey())
                        .collect(Collectors.toCollection(TreeSet::new)));
        // each SNOMED CT alternative is read as its Crosscheck code
        for (Map.Entry<String, String> byCode :
                CrosscheckCodes.snomedByCrosscheckCode(REFERENCE).entrySet()) {
            Map.Entry<String, String> e = Map.entry(byCode.getValue(), byCode.getKey());
            if (e.getValue().startsWith("region.") || e.getValue().startsWith("symptom-kind.")) {
                continue; // a body site or a symptom's value, read in FhirChartReadingTest
            }
            Observation o = new Observation()
                    .setStatus(Observation.ObservationStatus.FINAL)
                    .setCode(new CodeableConcept(new Coding(CrosscheckCodes.SNOMED, e.getKey(), null)));
            o.setValue(new BooleanType(true));
            o.setEffective(new DateTimeType(new java.util.Date())); // a finding of today is new
            ScreeningRequest r = map(FhirScreeningMapper.Mode.STRICT, o).request();
            String local = e.getValue().substring(e.getValue().indexOf('.') + 1);
            InputDefinition input = REFERENCE.inputs().inputs().stream()
                    .filter(i -> i.crosscheckCode().equals(e.getValue()))
                    .findFirst()
                    .orElse(null);
            boolean read = e.getValue().startsWith("red-flag.")
                    ? r.redFlags() != null && r.redFlags().get(0).code().equals(local)
                    : input != null
                            && r.answerSections().containsKey(input.section())
                            && Boolean.TRUE.equals(
                                    r.answerSections().get(input.section()).get(input.field()));
            assertThat(read).as("SNOMED CT " + e.getKey()).isTrue();
        }
    }

    /** Every standard coding of the reference data is in the table of standard codings, with its source, and nothing else is. */
    @Test
    void theStandardCodingsTableListsEveryCodingOfTheReferenceDataWithItsSource() throws Exception {
        Set<String> reference = new TreeSet<>();
        REFERENCE.inputs().inputs().forEach(i -> i.codings().forEach(c -> reference.add(c.key())));
        REFERENCE.redFlags().forEach(f -> f.getCodings().forEach(c -> reference.add(c.key())));
        REFERENCE.terminology().codings().values().forEach(cs -> cs.forEach(c -> reference.add(c.key())));
        REFERENCE.terminology().problems().forEach(p -> p.coding().forEach(c -> reference.add(c.key())));
        Pattern row = Pattern.compile("^\\| (\\S+) \\| `([^`]+)` \\|[^|]*\\|[^|]*\\| ([^|]+) \\|$");
        Set<String> table = new TreeSet<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(TABLE)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Standard codings");
            }
            Matcher m = row.matcher(line);
            if (inSection && m.matches()) {
                assertThat(m.group(3).strip()).as("source of " + m.group(2)).isNotIn("?", "");
                table.add(m.group(1) + "|" + m.group(2));
            }
        }
        assertThat(table).isEqualTo(reference);
    }

    static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    /** The table rows kb-docs/fhir-mapping.md should have, written to target/fhir-mapping-rows.md (to paste after a vocabulary change). */
    static void writeExpectedRows() throws Exception {
        StringBuilder out = new StringBuilder();
        Map<String, String> snomed = CrosscheckCodes.snomedByCrosscheckCode(REFERENCE);
        String category = null;
        for (CrosscheckCodes.Concept c : CrosscheckCodes.concepts(REFERENCE)) {
            if (!c.category().equals(category)) {
                category = c.category();
                out.append("\n### ")
                        .append(category)
                        .append(
                                "\n\n| Crosscheck code | Display | Use | SNOMED CT | FHIR element and value |\n|---|---|---|---|---|\n");
            }
            out.append("| `")
                    .append(c.code())
                    .append("` | ")
                    .append(c.display().replace("|", "/"))
                    .append(" | ")
                    .append(c.use().name().toLowerCase())
                    .append(" | ")
                    .append(snomed.containsKey(c.code()) ? "`" + snomed.get(c.code()) + "`" : "-")
                    .append(" | ")
                    .append(c.element().replace("|", "/"))
                    .append(" |\n");
        }
        Path target = Path.of("target/fhir-mapping-rows.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, out.toString());
    }
}
