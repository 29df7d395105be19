package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The status reached for one pattern and the distinct findings that support it. */
@FactDoc(
        value =
                "The status reached for one pattern and the distinct findings that support it (PAT- rules grade it with `PatternConclusion.grade(...)`; the layer syndrome with `combine(...)`).",
        example = "$lcs : PatternConclusion( pattern == \"LCS\", atLeastPartial )")
public final class PatternConclusion implements Conclusion {
    private final String pattern;
    private final String name;
    private final PatternStatus status;
    private final List<String> findingCodes;
    private final int categoryCount;
    private final boolean composite;
    private final PatternDefinition definition;
    private final List<Entry> entries;
    private final boolean symptomatic;
    private final Score score;

    /** One finding as the grading sees it. */
    private record Entry(String code, String group, String category, double weight, boolean supportive) {
        static Entry of(Finding f) {
            return new Entry(f.getCode(), f.getCountsAs(), f.getCategory(), f.getWeight(), f.isSupportive());
        }

        static Entry of(FindingDefinition d) {
            return new Entry(d.getCode(), d.getCountsAs(), d.getCategory(), d.getWeight(), d.isSupportive());
        }
    }

    /** The weighted evidence: per count group the highest weight, the categories and whether a core category is present. */
    private record Score(double evidence, int categories, boolean core, PatternStatus status, String cap) {}

    public PatternConclusion(
            PatternDefinition definition, PatternStatus status, List<String> findingCodes, int categoryCount) {
        this(definition, status, findingCodes, categoryCount, List.of(), true, null);
    }

    private PatternConclusion(
            PatternDefinition definition,
            PatternStatus status,
            List<String> findingCodes,
            int categoryCount,
            List<Entry> entries,
            boolean symptomatic,
            Score score) {
        this.pattern = definition.getCode();
        this.name = definition.getName();
        this.status = status;
        this.findingCodes = List.copyOf(findingCodes);
        this.categoryCount = categoryCount;
        this.composite = "composite".equals(definition.getGrading());
        this.definition = definition;
        this.entries = List.copyOf(entries);
        this.symptomatic = symptomatic;
        this.score = score;
    }

    @FactDoc(
            "Grades a pattern by weighted concordance from its definition and the findings (kb-docs/reference.md, \"Grading\"); with `symptomatic` false a pattern that needs symptoms stays partial.")
    public static PatternConclusion grade(PatternDefinition definition, Collection<?> findings) {
        return grade(definition, findings, true);
    }

    @FactDoc(
            "Grades a pattern by weighted concordance from its definition and the findings (kb-docs/reference.md, \"Grading\"); with `symptomatic` false a pattern that needs symptoms stays partial.")
    public static PatternConclusion grade(PatternDefinition definition, Collection<?> findings, boolean symptomatic) {
        Set<String> codes = new LinkedHashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (Object o : findings) {
            Finding f = (Finding) o;
            codes.add(f.getCode());
            entries.add(Entry.of(f));
        }
        Score score = score(definition, entries, symptomatic);
        return new PatternConclusion(
                definition, score.status(), List.copyOf(codes), score.categories(), entries, symptomatic, score);
    }

    private static Score score(PatternDefinition definition, List<Entry> entries, boolean symptomatic) {
        Map<String, Double> groups = new LinkedHashMap<>();
        Set<String> categories = new TreeSet<>();
        boolean core = false;
        for (Entry e : entries) {
            groups.merge(e.group(), e.weight(), Math::max);
            if (e.weight() > 0) {
                categories.add(e.category());
                core |= !e.supportive() && definition.getConsistentRequiresAny().contains(e.category());
            }
        }
        double evidence =
                groups.values().stream().mapToDouble(Double::doubleValue).sum();
        boolean enough = evidence >= definition.getConsistentMinFindings()
                && categories.size() >= definition.getConsistentMinCategories();
        String cap = null;
        if (enough && !definition.getConsistentRequiresAny().isEmpty() && !core) {
            cap = "at most partial without a "
                    + String.join(" or ", definition.getConsistentRequiresAny()).replace('_', ' ') + " finding";
        } else if (enough && definition.isConsistentRequiresSymptoms() && !symptomatic) {
            cap = "at most partial: no symptoms reported";
        }
        PatternStatus status;
        if (enough && cap == null) {
            status = PatternStatus.CONSISTENT;
        } else if (evidence >= definition.getPartialMinFindings() && evidence > 0) {
            status = PatternStatus.PARTIAL;
        } else {
            status = PatternStatus.INSUFFICIENT;
        }
        return new Score(evidence, categories.size(), core, status, cap);
    }

    @FactDoc("How much adding this finding would change the call (orders why-not tests; higher first).")
    public double gainFrom(FindingDefinition missing) {
        if (score == null || missing.getWeight() <= 0) {
            return 0;
        }
        List<Entry> more = new ArrayList<>(entries);
        more.add(Entry.of(missing));
        Score after = score(definition, more, symptomatic);
        double gain = (after.evidence() - score.evidence()) * 10;
        if (after.status().ordinal() < score.status().ordinal()) gain += 100;
        if (after.core() && !score.core()) gain += 20;
        if (after.categories() > score.categories()) gain += 5;
        return gain;
    }

    @FactDoc(
            "Grades a composite pattern (the layer syndrome) from its parts: consistent when every part is, partial when every part is at least partial.")
    public static PatternConclusion combine(PatternDefinition definition, PatternConclusion... parts) {
        boolean allConsistent = true;
        boolean allPartial = true;
        Set<String> codes = new LinkedHashSet<>();
        for (PatternConclusion p : parts) {
            allConsistent &= p.isConsistent();
            allPartial &= p.isAtLeastPartial();
            codes.addAll(p.getFindingCodes());
        }
        PatternStatus status = allConsistent
                ? PatternStatus.CONSISTENT
                : allPartial ? PatternStatus.PARTIAL : PatternStatus.INSUFFICIENT;
        return new PatternConclusion(definition, status, List.copyOf(codes), parts.length);
    }

    @FactDoc(value = "The pattern's code.", codes = Codes.PATTERNS)
    public String getPattern() {
        return pattern;
    }

    @FactDoc("The pattern's name.")
    public String getName() {
        return name;
    }

    @FactDoc("How far the evidence supports the pattern.")
    public PatternStatus getStatus() {
        return status;
    }

    @FactDoc("Status `CONSISTENT`.")
    public boolean isConsistent() {
        return status == PatternStatus.CONSISTENT;
    }

    @FactDoc("Status `CONSISTENT` or `PARTIAL`.")
    public boolean isAtLeastPartial() {
        return status != PatternStatus.INSUFFICIENT;
    }

    @FactDoc(value = "The distinct findings counted.", codes = Codes.FINDINGS)
    public List<String> getFindingCodes() {
        return findingCodes;
    }

    @FactDoc("How many distinct findings were counted.")
    public int getFindingCount() {
        return findingCodes.size();
    }

    @FactDoc("How many evidence categories they come from (for the layer syndrome: its parts).")
    public int getCategoryCount() {
        return categoryCount;
    }

    @FactDoc("Why a pattern with enough findings stayed partial (no core finding, no symptoms), or null.")
    public String getCap() {
        return score == null ? null : score.cap();
    }

    @Override
    public String describe() {
        if (composite) {
            return status.phrase() + " " + name;
        }
        double evidence = score == null ? findingCodes.size() : score.evidence();
        String n = evidence == Math.rint(evidence)
                ? String.valueOf((long) evidence)
                : String.format(Locale.ROOT, "%.1f", evidence);
        return status.phrase() + " " + name + " pattern (" + n
                + (evidence == 1 ? " distinct finding" : " distinct findings") + " in "
                + plural(categoryCount, "category", "categories") + (getCap() == null ? "" : "; " + getCap()) + ")";
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
