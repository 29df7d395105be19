package io.crosscheck.engine.facts;

import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputType;

/**
 * One input the request sent, as defined in {@code rules/reference/inputs.yaml}: an answer exists only
 * for an input that was sent, so no constraint on it can be met by an input that was not (absent is not
 * a value; see {@link NotRecorded}). Match it by code and compare its value:
 * {@code Answer( code == "sitting_hours_per_day", number >= $t.value )}, {@code Answer( code == "anxiety", yes )},
 * {@code Answer( code == "activity_level", choice == "sedentary" )}.
 */
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

    /** This answer as part of a screen ({@code health}): the same answer, marked with the screen of its section. */
    public Answer inScreen(String screen) {
        this.screen = screen;
        return this;
    }

    /** The screen the question belongs to ({@code health}), or null. */
    public String getScreen() {
        return screen;
    }

    @Override
    public String getRef() {
        return ref;
    }

    public String getCode() {
        return input.code();
    }

    public String getSection() {
        return input.section();
    }
    /** yes_no, integer, number or choice. */
    public String getType() {
        return input.type().code();
    }
    /** A yes/no input answered yes. */
    public boolean isYes() {
        return Boolean.TRUE.equals(value);
    }
    /** A yes/no input answered no. */
    public boolean isNo() {
        return Boolean.FALSE.equals(value);
    }
    /** The value of an integer or number input; null for other types, which no comparison matches. */
    public Double getNumber() {
        return input.type().numeric() ? (Double) value : null;
    }
    /** The option code of a choice input; null for other types. */
    public String getChoice() {
        return input.type() == InputType.CHOICE ? (String) value : null;
    }

    public Object getValue() {
        return value;
    }

    public String getUnit() {
        return input.unit();
    }

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
