package io.crosscheck.engine.input;

import java.util.List;

/**
 * A check between inputs of the same request. {@link Kind#NOT_ABOVE}: {@code inputs[0]} may not exceed
 * {@code inputs[1]}; {@link Kind#TOGETHER}: all of {@code inputs} are given or none.
 */
public record InputCheck(Kind kind, List<String> inputs, String message) {

    public enum Kind {
        NOT_ABOVE,
        TOGETHER
    }

    public InputCheck {
        inputs = List.copyOf(inputs);
    }
}
