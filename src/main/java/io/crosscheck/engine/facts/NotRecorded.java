package io.crosscheck.engine.facts;

import io.crosscheck.engine.input.InputDefinition;

/**
 * An input that applies to this client and was not sent. It carries no value, so nothing can be compared
 * with it: a rule that needs to know that a question was not asked matches this fact by code, and the
 * explanation names it ("sitting time not recorded").
 */
public final class NotRecorded implements InputFact {
    private final InputDefinition input;

    public NotRecorded(InputDefinition input) {
        this.input = input;
    }

    /** Where the input would have been sent: its JSON pointer. */
    @Override
    public String getRef() {
        return input.pointer();
    }

    public String getCode() {
        return input.code();
    }

    public String getSection() {
        return input.section();
    }

    @Override
    public String describe() {
        return input.describeAbsent();
    }
}
