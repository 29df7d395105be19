package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputType;

/**
 * One input the request sent, as defined in {@code rules/reference/inputs.yaml}: an answer exists only
 * for an input that was sent, so no constraint on it can be met by an input that was not (absent is not
 * a value; see {@link NotRecorded}). Match it by code and compare its value:
 * {@code Answer( code == "sitting_hours_per_day", number >= $t.value )}, {@code Answer( code == "anxiety", yes )},
 * {@code Answer( code == "activity_level", choice == "sedentary" )}.
 */
@FactDoc(
        value =
                "One input the request sent, as defined in `rules/reference/inputs.yaml` (lifestyle, psychosocial, breathing and health-screen questions, and every other input defined there). An Answer exists only for an input that was sent, so no constraint on it is met by one that was not: match `NotRecorded` for that.",
        example = "$pregnant : Answer( code == \"pregnant\", yes )")
public final class Answer implements InputFact {
    private final String ref;
    private final InputDefinition input;
    private final Object value;
    private final String testCode;
    private String screen;

    /**
     * @param value Boolean (yes/no), Double (integer and number inputs) or String (choice), never null
     * @param testCode the assessment an answer in the input's section records, or null
     */
    public Answer(InputDefinition input, Object value, String testCode) {
        if (value == null) {
            throw new IllegalArgumentException("an answer has a value: an input not sent has no Answer");
        }
        this.ref = input.pointer();
        this.input = input;
        this.value = value;
        this.testCode = testCode;
    }

    @FactDoc("Used by the engine when it reads the request (marks the answer with its screen); not for rules.")
    public Answer inScreen(String screen) {
        this.screen = screen;
        return this;
    }

    @FactDoc(
            value = "The screen the question belongs to (`health` for the pre-exercise health screen), or null.",
            values = {"health"})
    public String getScreen() {
        return screen;
    }

    @Override
    public String getRef() {
        return ref;
    }

    @FactDoc(value = "The input's code.", codes = Codes.INPUTS)
    public String getCode() {
        return input.code();
    }

    @FactDoc(value = "The section (request object) the input was sent in.", codes = Codes.SECTIONS)
    public String getSection() {
        return input.section();
    }

    @FactDoc(
            value = "The input's type.",
            values = {"yes_no", "integer", "number", "choice"})
    public String getType() {
        return input.type().code();
    }

    @FactDoc("A yes/no input answered yes.")
    public boolean isYes() {
        return Boolean.TRUE.equals(value);
    }

    @FactDoc("A yes/no input answered no.")
    public boolean isNo() {
        return Boolean.FALSE.equals(value);
    }

    @FactDoc("The value of an integer or number input; null for other types, which no comparison then matches.")
    public Double getNumber() {
        return input.type().numeric() ? (Double) value : null;
    }

    @FactDoc(value = "The option code of a choice input; null for other types.", codes = Codes.OPTIONS)
    public String getChoice() {
        return input.type() == InputType.CHOICE ? (String) value : null;
    }

    @FactDoc(
            "The value as sent: a Boolean (yes/no), a Double (integer and number) or a String (choice); never null. Prefer `yes`, `number` or `choice`.")
    public Object getValue() {
        return value;
    }

    @FactDoc("The input's unit (`h`, `weeks` ...), or null.")
    public String getUnit() {
        return input.unit();
    }

    @FactDoc(
            "The input's definition from `inputs.yaml` (label, phrase, unit, range, options); in a consequence, `$a.definition().phrase()` names it in words.")
    public InputDefinition definition() {
        return input;
    }

    @Override
    public String getTestCode() {
        return testCode;
    }

    @Override
    public String describe() {
        return input.describe(value);
    }
}
