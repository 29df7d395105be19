package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tests that examine an intervention's targets (interventions.yaml {@code testedBy}): muscle-length
 * tests of the target muscles, movement tests of the target movement, and the findings those tests give
 * when abnormal. When every target was tested on both sides and none of the findings is present, the
 * targets were tested normal and the intervention is not indicated (IND-001).
 */
@FactDoc(
        value =
                "The tests that examine an intervention's targets (`testedBy` of `interventions.yaml`): when every target was tested on both sides and none of the findings is present, the targets were tested normal and the intervention is not indicated (IND-001).",
        example = "$i : InterventionDefinition( testedBy != null ) from reference.interventions()")
public final class TestedBy {
    private List<String> muscles = List.of();
    private List<String> movementTests = List.of();
    private List<String> findings = List.of();

    @FactDoc(value = "Target muscles whose length tests examine it.", codes = Codes.MUSCLES)
    public List<String> getMuscles() {
        return muscles;
    }

    @FactDoc(value = "Target movement tests.", codes = Codes.MOVEMENT_TESTS)
    public List<String> getMovementTests() {
        return movementTests;
    }

    @FactDoc(value = "The findings those tests give when abnormal.", codes = Codes.FINDINGS)
    public List<String> getFindings() {
        return findings;
    }

    @FactDoc(
            "Whether the given muscle-length and movement tests examine every target on both sides (a test without a side, or bilateral, covers both).")
    public boolean coveredBy(List<?> lengthTests, List<?> movementTestsDone) {
        if (muscles.isEmpty() && movementTests.isEmpty()) {
            return false;
        }
        for (String muscle : muscles) {
            if (!bothSides(lengthTests.stream()
                    .filter(t ->
                            t instanceof MuscleLengthTest m && m.getMuscle().equals(muscle))
                    .map(t -> ((Assessment) t).getSide())
                    .collect(Collectors.toList()))) {
                return false;
            }
        }
        for (String test : movementTests) {
            if (!bothSides(movementTestsDone.stream()
                    .filter(t -> t instanceof MovementTest m && m.getTest().equals(test))
                    .map(t -> ((Assessment) t).getSide())
                    .collect(Collectors.toList()))) {
                return false;
            }
        }
        return true;
    }

    @FactDoc("The tests that found the targets normal, in words, for the reason a withheld intervention gives.")
    public static String describe(List<?> lengthTests, List<?> movementTestsDone) {
        return java.util.stream.Stream.concat(lengthTests.stream(), movementTestsDone.stream())
                .filter(t -> t instanceof Fact)
                .map(t -> ((Fact) t).describe())
                .collect(Collectors.joining("; "));
    }

    private static boolean bothSides(List<Side> sides) {
        Set<Side> covered = EnumSet.noneOf(Side.class);
        for (Side side : sides) {
            if (side == null || side == Side.BILATERAL || side == Side.CENTRAL) {
                return true;
            }
            covered.add(side);
        }
        return covered.containsAll(EnumSet.of(Side.LEFT, Side.RIGHT));
    }
}
