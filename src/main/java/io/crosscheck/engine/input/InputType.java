package io.crosscheck.engine.input;

import java.util.Locale;
import java.util.Optional;

/** What kind of answer an input takes. */
public enum InputType {
    /** true or false: yes or no. */
    YES_NO,
    /** a whole number in a range, with a unit. */
    INTEGER,
    /** a decimal number in a range, with a unit. */
    NUMBER,
    /** one code of a fixed list of options. */
    CHOICE;

    /** The spelling used in {@code inputs.yaml} and the vocabulary: {@code yes_no}, {@code integer}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean numeric() {
        return this == INTEGER || this == NUMBER;
    }

    public static Optional<InputType> of(String code) {
        for (InputType t : values()) {
            if (t.code().equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
