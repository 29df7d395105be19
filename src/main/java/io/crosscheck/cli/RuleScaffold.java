package io.crosscheck.cli;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.RuleEngine;
import io.crosscheck.engine.RuleInfo;
import io.crosscheck.engine.drl.RuleTexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Scaffolds a new rule: the rule itself in its family's DRL file, its kb-doc page (front matter as the linter reads
 * it) and a scenario that fires it. Each is a placeholder that compiles, fires and changes nothing, with {@code TODO}
 * markers for what only the author can write; the linter reports every marker as "not filled in", so the scaffold
 * cannot pass validation, or go live, until they are.
 */
final class RuleScaffold {

    static final Pattern ID = Pattern.compile("([A-Z]{3})-(\\d{3})");
    private static final Pattern FAMILY = Pattern.compile("[A-Z]{3}");

    /** What will be written: the rule's id and the three files (the DRL file may exist already). */
    record Plan(String id, String stage, String title, Path drl, Path doc, Path scenario) {}

    /** A request the scaffold cannot honour; the command reports it as a usage error. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final Path rules;
    private final Path docs;
    private final LocalDate today;
    private final Map<String, List<RuleTexts.RuleText>> byFile = new TreeMap<>();

    RuleScaffold(Path rules, Path docs, LocalDate today) throws IOException {
        this.rules = rules;
        this.docs = docs;
        this.today = today;
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                List<KnowledgeProblem> problems = new ArrayList<>();
                byFile.put(relative(f), RuleTexts.rules(f.toString(), Files.readString(f), problems));
                if (!problems.isEmpty()) {
                    throw new Refused(problems.get(0).toString() + " (fix the DRL before adding a rule to it)");
                }
            }
        }
    }

    /** Works out the id (given, or the family's next free one), the DRL file and the new files' paths. */
    Plan plan(String id, String family, String stage, String title, String file) {
        if (!RuleEngine.STAGES.contains(stage)) {
            throw new Refused("--stage must be one of " + String.join(", ", RuleEngine.STAGES) + ", not " + stage);
        }
        if (title == null || title.isBlank() || title.contains("\"") || title.contains("\n")) {
            throw new Refused("--title is one line of text without double quotes");
        }
        Set<String> used = usedIds();
        if (id != null) {
            if (!ID.matcher(id).matches()) {
                throw new Refused("--id is three capital letters, a dash and three digits (LCS-014), not " + id);
            }
            if (used.contains(id)) {
                throw new Refused(id + " is already used (a rule or a kb-doc page has it); --family "
                        + id.substring(0, 3) + " picks the next free id");
            }
            family = id.substring(0, 3);
        } else {
            if (family == null || !FAMILY.matcher(family).matches()) {
                throw new Refused("--family is three capital letters (LCS), or give --id");
            }
            id = nextFree(family, used);
        }
        Path drl = file != null ? drlFile(file) : familyFile(family, stage);
        Path doc = docs.resolve(RuleInfo.docPath(id).substring("kb-docs/".length()));
        Path scenario = rules.resolve("scenarios").resolve(id.toLowerCase(Locale.ROOT) + "-" + slug(title) + ".yaml");
        if (Files.exists(scenario)) {
            throw new Refused(scenario + " exists already");
        }
        return new Plan(id, stage, title.strip(), drl, doc, scenario);
    }

    /** Writes the rule, its page and its scenario; returns the files written, as project paths. */
    List<String> write(Plan p) throws IOException {
        String file = relative(p.drl());
        String existing = Files.exists(p.drl()) ? Files.readString(p.drl()) : ScaffoldTexts.header(file);
        String sep = existing.endsWith("\n\n") ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
        Files.createDirectories(p.drl().getParent());
        Files.writeString(p.drl(), existing + sep + ScaffoldTexts.rule(p.id(), p.title(), p.stage()));
        Files.createDirectories(p.doc().getParent());
        Files.writeString(p.doc(), ScaffoldTexts.page(p.id(), p.title(), p.stage(), file, today));
        Files.createDirectories(p.scenario().getParent());
        Files.writeString(p.scenario(), ScaffoldTexts.scenario(p.id(), p.title()));
        return List.of(
                file, "kb-docs/" + docs.relativize(p.doc()).toString().replace('\\', '/'), relative(p.scenario()));
    }

    private Set<String> usedIds() {
        Set<String> ids = byFile.values().stream()
                .flatMap(List::stream)
                .map(RuleTexts.RuleText::id)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        Path pages = docs.resolve("rules");
        if (Files.isDirectory(pages)) {
            try (Stream<Path> files = Files.list(pages)) {
                files.map(f -> f.getFileName().toString())
                        .filter(n -> n.endsWith(".md"))
                        .forEach(n -> ids.add(n.substring(0, n.length() - 3)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return ids;
    }

    private static String nextFree(String family, Set<String> used) {
        int max = used.stream()
                .map(ID::matcher)
                .filter(m -> m.matches() && m.group(1).equals(family))
                .mapToInt(m -> Integer.parseInt(m.group(2)))
                .max()
                .orElse(0);
        if (max >= 999) {
            throw new Refused("family " + family + " has no free id after " + family + "-999: give --id");
        }
        return String.format(Locale.ROOT, "%s-%03d", family, max + 1);
    }

    /** The family's file: the one with most of its rules in this stage, else the one with most of its rules. */
    private Path familyFile(String family, String stage) {
        Map<String, Long> all = count(r -> r.id() != null && r.id().startsWith(family + "-"));
        if (all.isEmpty()) {
            throw new Refused("no rule of family " + family + " yet: name the DRL file with --file");
        }
        Map<String, Long> inStage =
                count(r -> r.id() != null && r.id().startsWith(family + "-") && stage.equals(r.stage()));
        Map<String, Long> pick = inStage.isEmpty() ? all : inStage;
        String file = pick.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow()
                .getKey();
        return rules.resolve(file.substring("rules/".length()));
    }

    private Map<String, Long> count(java.util.function.Predicate<RuleTexts.RuleText> which) {
        Map<String, Long> counts = new TreeMap<>();
        byFile.forEach((file, list) -> {
            long n = list.stream().filter(which).count();
            if (n > 0) {
                counts.put(file, n);
            }
        });
        return counts;
    }

    private Path drlFile(String file) {
        String f = file.startsWith("rules/") ? file.substring("rules/".length()) : file;
        Path p = rules.resolve(f).normalize();
        if (!f.endsWith(".drl") || !p.startsWith(rules.normalize()) || f.startsWith("scenarios/")) {
            throw new Refused("--file is a .drl file under " + rules + ", not " + file);
        }
        return p;
    }

    /** A path under the rules directory as the knowledge base names it ({@code rules/plan/x.drl}). */
    private String relative(Path f) {
        return "rules/" + rules.relativize(f).toString().replace('\\', '/');
    }

    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        Matcher m = Pattern.compile("^(.{1,48})(?:-|$)").matcher(s);
        return s.isEmpty() ? "scenario" : m.find() ? m.group(1) : s.substring(0, 48);
    }
}
