package io.crosscheck.fhir.service;

import ca.uhn.fhir.parser.DataFormatException;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.fhir.config.FhirSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;

/**
 * A site's FHIR ConceptMaps from its local codes (an EHR's flowsheet rows, a local questionnaire's linkIds) to codes
 * Crosscheck reads: {@code source system|code} to the target codings. Loaded from a file or a directory of
 * {@code *.json} files ({@code crosscheck.fhir.concept-maps}), parsed with HAPI, and checked before use: a map that
 * cannot be parsed, lacks a source or target system, maps to a code Crosscheck does not read, or uses an
 * equivalence other than {@value #READ_EQUIVALENCES} is refused with a message naming the file and the element.
 */
public final class ConceptMapTranslations {

    /** Equivalences that make a local code mean the target: the same concept, or one the target is wider than. */
    static final String READ_EQUIVALENCES = "equivalent, equal, wider";

    private static final Set<ConceptMapEquivalence> READ =
            Set.of(ConceptMapEquivalence.EQUIVALENT, ConceptMapEquivalence.EQUAL, ConceptMapEquivalence.WIDER);

    public static final ConceptMapTranslations NONE = new ConceptMapTranslations(Map.of(), List.of());

    private final Map<String, List<Coding>> targets;
    private final List<String> sources;

    private ConceptMapTranslations(Map<String, List<Coding>> targets, List<String> sources) {
        this.targets = targets;
        this.sources = sources;
    }

    /** A map could not be read or does not fit the knowledge base: every problem, each naming file and element. */
    public static final class InvalidConceptMap extends RuntimeException {
        public InvalidConceptMap(List<String> problems) {
            super("Site ConceptMaps (crosscheck.fhir.concept-maps) refused: " + String.join("; ", problems));
        }
    }

    /**
     * Reads the ConceptMaps at {@code location} (a JSON file, or a directory of them) and checks every target against
     * the knowledge base.
     *
     * @throws InvalidConceptMap naming each problem
     */
    public static ConceptMapTranslations load(Path location, ReferenceData reference) {
        List<String> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> s = Files.list(location)) {
                s.filter(p -> p.getFileName().toString().endsWith(".json"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                problems.add(location + ": cannot be listed (" + e.getMessage() + ")");
            }
        } else if (Files.isRegularFile(location)) {
            files.add(location);
        } else {
            problems.add(location + ": no such file or directory");
        }
        Map<String, List<Coding>> targets = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        for (Path f : files) {
            ConceptMap map;
            try {
                map = FhirSupport.strictJsonParser().parseResource(ConceptMap.class, Files.readString(f));
            } catch (IOException | DataFormatException e) {
                problems.add(f.getFileName() + ": not a FHIR R4 ConceptMap in JSON (" + e.getMessage() + ")");
                continue;
            }
            read(f.getFileName().toString(), map, reference, targets, sources, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConceptMap(problems);
        }
        return new ConceptMapTranslations(targets, sources);
    }

    private static void read(
            String file,
            ConceptMap map,
            ReferenceData reference,
            Map<String, List<Coding>> targets,
            List<String> sources,
            List<String> problems) {
        MappingContext known = new MappingContext(reference, FhirScreeningMapper.Mode.LENIENT, NONE, null);
        if (map.getGroup().isEmpty()) {
            problems.add(file + ": maps nothing (no group)");
        }
        for (int g = 0; g < map.getGroup().size(); g++) {
            ConceptMap.ConceptMapGroupComponent group = map.getGroup().get(g);
            String at = file + " group[" + g + "]";
            if (!group.hasSource() || !group.hasTarget()) {
                problems.add(at + ": source and target (code system URIs) are required");
                continue;
            }
            sources.add(group.getSource());
            for (int e = 0; e < group.getElement().size(); e++) {
                ConceptMap.SourceElementComponent element = group.getElement().get(e);
                String eat = at + " element[" + e + "]";
                if (!element.hasCode()) {
                    problems.add(eat + ": code is required");
                    continue;
                }
                for (int t = 0; t < element.getTarget().size(); t++) {
                    ConceptMap.TargetElementComponent target =
                            element.getTarget().get(t);
                    String tat = eat + " target[" + t + "]";
                    if (!target.hasEquivalence() || !READ.contains(target.getEquivalence())) {
                        problems.add(tat + ": equivalence must be one of " + READ_EQUIVALENCES + " (was "
                                + (target.hasEquivalence()
                                        ? target.getEquivalence().toCode()
                                        : "none") + ")");
                        continue;
                    }
                    Coding coding = new Coding(group.getTarget(), target.getCode(), target.getDisplay());
                    if (!target.hasCode()
                            || known.meaning(new CodeableConcept(coding)).isEmpty()) {
                        problems.add(tat + ": " + group.getTarget() + "|" + target.getCode()
                                + " is no code Crosscheck reads (kb-docs/fhir-mapping.md)");
                        continue;
                    }
                    targets.computeIfAbsent(group.getSource() + "|" + element.getCode(), k -> new ArrayList<>())
                            .add(coding);
                }
            }
        }
    }

    /** The codings a local code stands for; empty when no site map names it. */
    List<Coding> translate(String system, String code) {
        return targets.getOrDefault(system + "|" + code, List.of());
    }

    /** Whether a site map's group has this source (a code system, or a questionnaire's canonical URL). */
    boolean hasSource(String source) {
        return source != null && sources.contains(source.replaceFirst("\\|.*$", ""));
    }

    /** The local codes the site's maps translate ({@code system|code}): a chart query's code filter names them. */
    public java.util.Set<String> localCodes() {
        return targets.keySet();
    }

    /** How many local codes are mapped (start-up log, tests). */
    public int size() {
        return targets.size();
    }
}
