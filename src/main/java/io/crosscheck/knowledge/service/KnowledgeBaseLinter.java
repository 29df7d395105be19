package io.crosscheck.knowledge.service;

import io.crosscheck.facts.FindingDefinition;
import io.crosscheck.facts.InterventionDefinition;
import io.crosscheck.facts.PatternDefinition;
import io.crosscheck.facts.RedFlagDefinition;
import io.crosscheck.facts.TestDefinition;
import io.crosscheck.facts.Threshold;
import io.crosscheck.knowledge.KnowledgeBase;
import io.crosscheck.knowledge.model.KnowledgeProblem;
import io.crosscheck.knowledge.model.KnowledgeSource;
import io.crosscheck.knowledge.model.ReferenceData;
import io.crosscheck.knowledge.model.RuleInfo;
import io.crosscheck.knowledge.model.Vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a compiled knowledge base for what the compiler cannot see: every rule documented and
 * every page backed by a rule; every code a rule compares against exists in the vocabulary or the
 * reference data (otherwise the condition can never match, so the rule can never fire); every
 * catalogue intervention is recommended by some rule and documented; every rule belongs to a stage
 * (a rule outside the stages would run after the safety gate).
 * Problems are located as {@code file:line:column}.
 */
public final class KnowledgeBaseLinter {

    public static final String RULE_DOCS = KnowledgeSource.DOCS + "rules/";
    public static final String INTERVENTION_DOCS = KnowledgeSource.DOCS + "interventions/";
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

    public List<KnowledgeProblem> lint(KnowledgeBase kb) {
        List<KnowledgeProblem> problems = new ArrayList<>();
        KnowledgeSource source = kb.source();
        checkDocs(kb, source, problems);
        Map<String, Set<String>> allowed = allowedLiterals(kb.reference(), source);
        Set<String> recommended = new HashSet<>();
        source.drlFiles().forEach((path, text) -> checkLiterals(path, text, allowed, recommended, problems));
        checkCatalogue(kb.reference(), source, recommended, problems);
        for (RuleInfo r : kb.rules()) {
            if (!RuleEvaluator.STAGES.contains(r.stage())) {
                problems.add(new KnowledgeProblem(r.file(), r.line(), 1, "rule " + r.id() + " is in no stage (ruleflow-group "
                        + String.join(", ", RuleEvaluator.STAGES) + "): it would run after the safety gate"));
            }
        }
        return problems;
    }

    private static void checkDocs(KnowledgeBase kb, KnowledgeSource source, List<KnowledgeProblem> problems) {
        Set<String> ids = kb.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        for (RuleInfo r : kb.rules()) {
            String page = r.docPath();
            String text = source.files().get(page);
            if (text == null) {
                problems.add(new KnowledgeProblem(r.file(), r.line(), 1, "rule " + r.id() + " has no kb-doc page " + page));
            } else if (!text.contains("id: " + r.id())) {
                problems.add(new KnowledgeProblem(page, 1, 1, "kb-doc front matter does not say id: " + r.id()));
            }
        }
        source.files().keySet().stream().filter(p -> p.startsWith(RULE_DOCS) && p.endsWith(".md")).forEach(p -> {
            String id = p.substring(RULE_DOCS.length(), p.length() - 3);
            if (!ids.contains(id)) {
                problems.add(new KnowledgeProblem(p, 1, 1, "kb-doc page for " + id + " but no rule has @id(\"" + id + "\")"));
            }
        });
    }

    /** Fact type -> the string literals a constraint on it may compare against. */
    private static Map<String, Set<String>> allowedLiterals(ReferenceData ref, KnowledgeSource source) {
        Vocabulary v = ref.vocabulary();
        Map<String, Set<String>> allowed = new HashMap<>();
        Set<String> stages = new HashSet<>(RuleEvaluator.STAGES);
        allowed.put("PostureObservation", codes(v.posture().stream().map(Vocabulary.PostureCode::code)));
        Set<String> muscle = codes(v.muscles().stream().map(Vocabulary.MuscleCode::code));
        muscle.addAll(codes(v.muscleLengthTests().stream().map(Vocabulary.TestCode::code)));
        muscle.addAll(Set.of("short", "normal"));
        allowed.put("MuscleLengthTest", muscle);
        Set<String> movement = codes(v.movementTests().stream().map(Vocabulary.MovementTestCode::code));
        v.movementTests().forEach(t -> t.substitutions().forEach(s -> movement.add(s.code())));
        movement.addAll(Set.of("normal", "abnormal"));
        allowed.put("MovementTest", movement);
        Set<String> symptom = new HashSet<>();
        v.symptoms().regions().forEach(c -> symptom.add(c.code()));
        v.symptoms().kinds().forEach(c -> symptom.add(c.code()));
        v.symptoms().triggers().forEach(c -> symptom.add(c.code()));
        allowed.put("Symptom", symptom);
        allowed.put("Lifestyle", codes(v.activityLevels().stream().map(Vocabulary.Code::code)));
        allowed.put("Finding", codes(ref.findings().stream().map(FindingDefinition::getCode)));
        allowed.put("FindingDefinition", codes(ref.findings().stream().map(FindingDefinition::getCode)));
        allowed.get("FindingDefinition").addAll(Set.of("posture", "muscle_length", "movement", "breathing_observation",
                "breathing_questionnaire"));
        Set<String> patterns = codes(ref.patterns().stream().map(PatternDefinition::getCode));
        patterns.add("concordance");
        patterns.add("composite");
        allowed.put("PatternDefinition", patterns);
        allowed.put("PatternConclusion", patterns);
        Set<String> subtypes = new HashSet<>(patterns);
        subtypes.addAll(constructed(source, "PatternSubtype"));
        allowed.put("PatternSubtype", subtypes);
        allowed.put("Threshold", codes(ref.thresholds().stream().map(Threshold::getId)));
        allowed.put("InterventionDefinition", codes(ref.interventions().stream().map(InterventionDefinition::getId)));
        allowed.get("InterventionDefinition").addAll(codes(ref.interventions().stream().map(InterventionDefinition::getCategory)));
        allowed.put("TestDefinition", codes(ref.tests().stream().map(TestDefinition::getCode)));
        Set<String> redFlags = codes(ref.redFlags().stream().map(RedFlagDefinition::getCode));
        redFlags.addAll(codes(ref.redFlags().stream().map(RedFlagDefinition::getDomain)));
        redFlags.addAll(constructed(source, "RedFlag"));
        allowed.put("RedFlag", redFlags);
        allowed.put("RedFlagDefinition", redFlags);
        allowed.put("Referral", redFlags);
        allowed.put("Contributor", constructed(source, "Contributor"));
        allowed.put("YellowFlag", constructed(source, "YellowFlag"));
        allowed.put("Precaution", constructed(source, "Precaution"));
        allowed.values().forEach(s -> s.addAll(stages));
        return allowed;
    }

    /** Codes that some rule creates: every string argument of e.g. new Contributor( "anxiety", ... ). */
    private static Set<String> constructed(KnowledgeSource source, String type) {
        Pattern p = Pattern.compile("new\\s+" + type + "\\s*\\(");
        Set<String> codes = new HashSet<>();
        source.drlFiles().values().forEach(text -> {
            Matcher m = p.matcher(text);
            while (m.find()) {
                Matcher lit = LITERAL.matcher(text.substring(m.end(), closing(text, m.end() - 1)));
                while (lit.find()) {
                    codes.add(lit.group(1));
                }
            }
        });
        return codes;
    }

    private static Set<String> codes(java.util.stream.Stream<String> s) {
        return s.collect(Collectors.toCollection(HashSet::new));
    }

    /** Finds each pattern "Type( ... )" in rule conditions and checks its string literals. */
    private static void checkLiterals(String path, String text, Map<String, Set<String>> allowed, Set<String> recommended,
                                      List<KnowledgeProblem> problems) {
        Matcher rule = Pattern.compile("(?s)\\bwhen\\b(.*?)\\bthen\\b").matcher(text);
        while (rule.find()) {
            String lhs = rule.group(1);
            int base = rule.start(1);
            for (Map.Entry<String, Set<String>> type : allowed.entrySet()) {
                Matcher use = Pattern.compile("(?<![\\w.])" + type.getKey() + "\\s*\\(").matcher(lhs);
                while (use.find()) {
                    int end = closing(lhs, use.end() - 1);
                    Matcher lit = LITERAL.matcher(lhs.substring(use.end(), end));
                    while (lit.find()) {
                        String value = lit.group(1);
                        if ("InterventionDefinition".equals(type.getKey())) {
                            recommended.add(value);
                        }
                        if (!type.getValue().contains(value) && !isPrefix(value, type.getValue())) {
                            int at = base + use.end() + lit.start();
                            problems.add(new KnowledgeProblem(path, line(text, at), column(text, at),
                                    "\"" + value + "\" is not a known code for " + type.getKey()
                                            + ", so this condition can never match (see rules/reference/*.yaml)"));
                        }
                    }
                }
            }
        }
    }

    private static void checkCatalogue(ReferenceData ref, KnowledgeSource source, Set<String> recommended,
                                       List<KnowledgeProblem> problems) {
        String catalogue = KnowledgeSource.RULES + "reference/interventions.yaml";
        String text = source.files().getOrDefault(catalogue, "");
        for (InterventionDefinition i : ref.interventions()) {
            int at = Math.max(0, text.indexOf("id: " + i.getId()));
            if (!recommended.contains(i.getId())) {
                problems.add(new KnowledgeProblem(catalogue, line(text, at), column(text, at),
                        "intervention " + i.getId() + " is in the catalogue but no rule recommends it"));
            }
            if (!source.files().containsKey(INTERVENTION_DOCS + i.getId() + ".md")) {
                problems.add(new KnowledgeProblem(catalogue, line(text, at), column(text, at),
                        "intervention " + i.getId() + " has no kb-doc page " + INTERVENTION_DOCS + i.getId() + ".md"));
            }
        }
    }

    /** A literal concatenated with a value, e.g. "dnf_endurance_" + sex, must prefix some known code. */
    private static boolean isPrefix(String value, Set<String> known) {
        return value.endsWith("_") && known.stream().anyMatch(k -> k.startsWith(value));
    }

    private static int closing(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    private static int line(String text, int index) {
        int line = 1;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int column(String text, int index) {
        int lastNewline = text.lastIndexOf('\n', Math.max(0, index - 1));
        return index - lastNewline;
    }
}
