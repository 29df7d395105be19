package io.crosscheck.engine.input;

import java.util.Collection;
import java.util.List;

/**
 * Which clients a question applies to: an age band, sexes and symptom regions (any of them). Empty
 * means every client. A question that does not apply to a client is not missing when unanswered.
 */
public record AppliesTo(Integer minAge, Integer maxAge, List<String> sexes, List<String> regions) {

    public static final AppliesTo EVERYONE = new AppliesTo(null, null, List.of(), List.of());

    public AppliesTo {
        sexes = sexes == null ? List.of() : List.copyOf(sexes);
        regions = regions == null ? List.of() : List.copyOf(regions);
    }

    /** Whether the question applies to a client of this age and sex (null: not stated) with symptoms in these regions. */
    public boolean appliesTo(Integer age, String sex, Collection<String> symptomRegions) {
        if (minAge != null && (age == null || age < minAge)) {
            return false;
        }
        if (maxAge != null && (age == null || age > maxAge)) {
            return false;
        }
        if (!sexes.isEmpty() && (sex == null || !sexes.contains(sex))) {
            return false;
        }
        return regions.isEmpty() || symptomRegions.stream().anyMatch(regions::contains);
    }

    /** A short description for forms and the vocabulary, e.g. "clients with low back symptoms"; "" for everyone. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (!sexes.isEmpty()) {
            s.append(String.join(" or ", sexes)).append(' ');
        }
        s.append("clients");
        if (minAge != null && maxAge != null) {
            s.append(" aged ").append(minAge).append('-').append(maxAge);
        } else if (minAge != null) {
            s.append(" aged ").append(minAge).append(" or over");
        } else if (maxAge != null) {
            s.append(" aged ").append(maxAge).append(" or under");
        }
        if (!regions.isEmpty()) {
            s.append(" with ")
                    .append(String.join(
                            " or ",
                            regions.stream().map(r -> r.replace('_', ' ')).toList()))
                    .append(" symptoms");
        }
        return equals(EVERYONE) ? "" : s.toString();
    }
}
