package io.crosscheck.engine.facts;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The status reached for one pattern and the distinct findings that support it. */
public final class PatternConclusion implements Conclusion {
    private final String pattern;
    private final String name;
    private final PatternStatus status;
    private final List<String> findingCodes;
    private final int categoryCount;
    private final boolean composite;

    public PatternConclusion(PatternDefinition definition, PatternStatus status, List<String> findingCodes, int categoryCount) {
        this.pattern = definition.getCode();
        this.name = definition.getName();
        this.status = status;
        this.findingCodes = List.copyOf(findingCodes);
        this.categoryCount = categoryCount;
        this.composite = "composite".equals(definition.getGrading());
    }

    /**
     * Grades a pattern by concordance: distinct finding codes are counted (left and right of the
     * same test count once) and so are their categories, against the definition's minimums.
     */
    public static PatternConclusion grade(PatternDefinition definition, Collection<?> findings) {
        Set<String> codes = new LinkedHashSet<>();
        Set<String> categories = new TreeSet<>();
        for (Object o : findings) {
            Finding f = (Finding) o;
            codes.add(f.getCode());
            categories.add(f.getCategory());
        }
        PatternStatus status;
        if (codes.size() >= definition.getConsistentMinFindings() && categories.size() >= definition.getConsistentMinCategories()) {
            status = PatternStatus.CONSISTENT;
        } else if (codes.size() >= definition.getPartialMinFindings()) {
            status = PatternStatus.PARTIAL;
        } else {
            status = PatternStatus.INSUFFICIENT;
        }
        return new PatternConclusion(definition, status, List.copyOf(codes), categories.size());
    }

    /**
     * Grades a composite pattern (the layer syndrome) from its parts: consistent when every part is
     * consistent, partial when every part is at least partial, otherwise insufficient.
     */
    public static PatternConclusion combine(PatternDefinition definition, PatternConclusion... parts) {
        boolean allConsistent = true;
        boolean allPartial = true;
        Set<String> codes = new LinkedHashSet<>();
        for (PatternConclusion p : parts) {
            allConsistent &= p.isConsistent();
            allPartial &= p.isAtLeastPartial();
            codes.addAll(p.getFindingCodes());
        }
        PatternStatus status = allConsistent ? PatternStatus.CONSISTENT : allPartial ? PatternStatus.PARTIAL : PatternStatus.INSUFFICIENT;
        return new PatternConclusion(definition, status, List.copyOf(codes), parts.length);
    }

    public String getPattern() { return pattern; }
    public String getName() { return name; }
    public PatternStatus getStatus() { return status; }
    public boolean isConsistent() { return status == PatternStatus.CONSISTENT; }
    public boolean isAtLeastPartial() { return status != PatternStatus.INSUFFICIENT; }
    public List<String> getFindingCodes() { return findingCodes; }
    public int getFindingCount() { return findingCodes.size(); }
    public int getCategoryCount() { return categoryCount; }

    @Override
    public String describe() {
        if (composite) {
            return status.phrase() + " " + name;
        }
        return status.phrase() + " " + name + " pattern (" + plural(findingCodes.size(), "distinct finding") + " in "
                + plural(categoryCount, "category", "categories") + ")";
    }

    private static String plural(int n, String one) {
        return plural(n, one, one + "s");
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
