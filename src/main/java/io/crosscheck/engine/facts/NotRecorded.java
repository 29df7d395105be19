package io.crosscheck.engine.facts;

import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputSection;
import java.util.List;

/**
 * An input that applies to this client and was not sent. It carries no value, so nothing can be compared
 * with it: a rule that needs to know that a question was not asked matches this fact by code, and the
 * explanation names it ("sitting time not recorded").
 */
public final class NotRecorded implements InputFact {
    private final InputDefinition input;
    private final InputSection section;

    public NotRecorded(InputDefinition input) {
        this(input, null);
    }

    /** @param section the input's section (its screen and what it affects); null when unknown */
    public NotRecorded(InputDefinition input, InputSection section) {
        this.input = input;
        this.section = section;
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

    public String getLabel() {
        return input.label();
    }

    /** The screen the question belongs to ({@code health}), or null. */
    public String getScreen() {
        return section == null ? null : section.screen();
    }

    public String getSectionLabel() {
        return section == null ? input.section() : section.label();
    }

    /** What in the plan the answer could change (the section's {@code affects}). */
    public List<String> getAffects() {
        return section == null ? List.of() : section.affects();
    }

    @Override
    public String describe() {
        return input.describeAbsent();
    }
}
