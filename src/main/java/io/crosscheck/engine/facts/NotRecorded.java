package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputSection;
import java.util.List;

/**
 * An input that applies to this client and was not sent. It carries no value, so nothing can be compared
 * with it: a rule that needs to know that a question was not asked matches this fact by code, and the
 * explanation names it ("sitting time not recorded").
 */
@FactDoc(
        value =
                "An input that applies to this client and was not sent. It has no value, so nothing can be compared with it: a rule that needs to know that a question was not asked matches this fact by code, and the explanation names it (\"sitting time not recorded\").",
        example = "$weeks : NotRecorded( code == \"pregnancy_weeks\" )")
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

    @FactDoc(value = "The input's code.", codes = Codes.INPUTS)
    public String getCode() {
        return input.code();
    }

    @FactDoc(value = "The section the input would have been sent in.", codes = Codes.SECTIONS)
    public String getSection() {
        return input.section();
    }

    @FactDoc("The input in words.")
    public String getLabel() {
        return input.label();
    }

    @FactDoc(
            value = "The screen the question belongs to (`health`), or null.",
            values = {"health"})
    public String getScreen() {
        return section == null ? null : section.screen();
    }

    @FactDoc("The section in words.")
    public String getSectionLabel() {
        return section == null ? input.section() : section.label();
    }

    @FactDoc(value = "What in the plan the answer could change (the section's `affects`).", codes = Codes.AFFECTS)
    public List<String> getAffects() {
        return section == null ? List.of() : section.affects();
    }

    @Override
    public String describe() {
        return input.describeAbsent();
    }
}
