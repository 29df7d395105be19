package io.crosscheck.web.service;

import static io.crosscheck.web.service.ScreeningForm.BOTH;
import static io.crosscheck.web.service.ScreeningForm.SIDES;

import io.crosscheck.engine.Vocabulary;
import io.crosscheck.web.service.FormField.Option;
import io.crosscheck.web.service.FormModel.MovementRow;
import io.crosscheck.web.service.FormModel.MovementSide;
import io.crosscheck.web.service.FormModel.MuscleRow;
import io.crosscheck.web.service.FormModel.PostureRow;
import io.crosscheck.web.service.FormModel.SideFields;
import java.util.List;

/**
 * The physical examination's rows of the screening form, from the vocabulary: each posture observation (its sign,
 * sided or not, and its measurement), each muscle's length on the right and the left, each movement test on its sides
 * with its substitutions, each scoped to the complaint ({@link FormScope}).
 */
final class FormTests {

    private static final List<Option> SIGNS = List.of(
            new Option("", "not assessed", false),
            new Option("absent", "absent", false),
            new Option("present", "present", false));
    private static final List<Option> SIDED_SIGNS = List.of(
            new Option("", "not assessed", false),
            new Option("absent", "absent", false),
            new Option("right", "right", false),
            new Option("left", "left", false),
            new Option("bilateral", "both sides", false));
    private static final List<Option> LENGTHS = List.of(
            new Option("", "not tested", false),
            new Option("normal", "normal", false),
            new Option("short", "short", false));
    private static final List<Option> RESULTS = List.of(
            new Option("", "not tested", false),
            new Option("normal", "normal", false),
            new Option("abnormal", "abnormal", false));

    private final Vocabulary v;
    private final FormFields fields;
    private final FormScope scope;

    FormTests(Vocabulary v, FormFields fields, FormScope scope) {
        this.v = v;
        this.fields = fields;
        this.scope = scope;
    }

    List<PostureRow> posture() {
        return v.posture().stream()
                .map(p -> new PostureRow(
                        p.code(),
                        p.label(),
                        p.evidence(),
                        p.sign()
                                ? fields.choice("obs." + p.code() + ".sign", p.label(), p.sided() ? SIDED_SIGNS : SIGNS)
                                : null,
                        p.measurement() == null ? null : fields.measured("obs." + p.code() + ".value", p.measurement()),
                        scope.test("obs." + p.code())))
                .toList();
    }

    List<MuscleRow> muscles() {
        return v.muscles().stream()
                .map(m -> new MuscleRow(
                        m.code(),
                        m.label(),
                        v.muscleLengthTest(m.test())
                                .map(Vocabulary.TestCode::name)
                                .orElse(m.test()),
                        SIDES.stream()
                                .map(side -> new SideFields(
                                        side,
                                        fields.choice(
                                                "ml." + m.code() + "." + side + ".result",
                                                m.label() + ", " + side,
                                                LENGTHS),
                                        m.measurement() == null
                                                ? null
                                                : fields.measured(
                                                        "ml." + m.code() + "." + side + ".value",
                                                        m.label() + ", " + side,
                                                        m.measurement())))
                                .toList(),
                        scope.test("ml." + m.code())))
                .toList();
    }

    List<MovementRow> movements() {
        return v.movementTests().stream()
                .map(t -> new MovementRow(
                        t.code(),
                        t.name(),
                        t.evidence(),
                        t.clinicianRated(),
                        (t.sided() ? SIDES : List.of(BOTH))
                                .stream().map(side -> side(t, side)).toList(),
                        scope.test("mv." + t.code())))
                .toList();
    }

    private MovementSide side(Vocabulary.MovementTestCode t, String side) {
        String base = "mv." + t.code() + "." + side;
        return new MovementSide(
                side,
                fields.choice(base + ".result", t.name() + (BOTH.equals(side) ? "" : ", " + side), RESULTS),
                t.substitutions().stream()
                        .map(s -> fields.check(base + ".sub." + s.code(), s.label()))
                        .toList(),
                t.measurement() == null
                        ? null
                        : fields.measured(
                                base + ".value", t.name() + (BOTH.equals(side) ? "" : ", " + side), t.measurement()));
    }
}
