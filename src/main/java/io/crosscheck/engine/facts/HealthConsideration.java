package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/**
 * What a positive health-screen answer means for this client's plan ("pregnant, 24 weeks: positions and
 * loading adapted"), in one health domain (the input section it was asked in). Any consideration makes the
 * health screen positive; rules in the plan and gate stages act on it by code.
 */
@FactDoc(
        value =
                "What a positive health-screen answer means for this client's plan (\"pregnant, 24 weeks: positions and loading adapted\"), in one health domain. Any consideration makes the health screen positive; plan and gate rules act on it by code.",
        example = "$pregnancy : HealthConsideration( code == \"pregnancy\" )")
public final class HealthConsideration implements Conclusion {
    private final String code;
    private final String domain;
    private final String text;

    /**
     * @param code   what rules match ({@code pregnancy}, {@code osteoporosis}, {@code hypermobility}, ...)
     * @param domain the health-screen section ({@code pregnancy}, {@code bone_health}, ...)
     * @param text   the consideration in clinical words
     */
    public HealthConsideration(String code, String domain, String text) {
        this.code = code;
        this.domain = domain;
        this.text = text;
    }

    @FactDoc(value = "What rules match.", codes = Codes.HEALTH_CONSIDERATIONS)
    public String getCode() {
        return code;
    }

    @FactDoc(value = "The health-screen section it was asked in.", codes = Codes.HEALTH_SECTIONS)
    public String getDomain() {
        return domain;
    }

    @FactDoc("The consideration in clinical words.")
    public String getText() {
        return text;
    }

    @Override
    public String describe() {
        return text;
    }
}
