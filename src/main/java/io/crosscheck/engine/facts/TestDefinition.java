package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** An assessment (posture observation, length test, movement test...) with its evidence note. */
@FactDoc(
        value =
                "An assessment (posture observation, muscle-length test, movement test, other assessment) with its evidence note, from the vocabulary.",
        example = "$test : TestDefinition( code == \"trunk_curl_up\" ) from reference.test( \"trunk_curl_up\" )")
public final class TestDefinition implements ReferenceFact {
    private String code;
    private String name;
    private String kind;
    private String evidence;

    public TestDefinition() {}

    public TestDefinition(String code, String name, String kind, String evidence) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.evidence = evidence;
    }

    @FactDoc(value = "The test's code.", codes = Codes.TESTS)
    public String getCode() {
        return code;
    }

    @FactDoc("The test in words.")
    public String getName() {
        return name;
    }

    @FactDoc(
            value = "What kind of assessment it is.",
            values = {"posture", "muscle_length", "movement", "other"})
    public String getKind() {
        return kind;
    }

    @FactDoc("Its evidence note.")
    public String getEvidence() {
        return evidence;
    }

    @Override
    public String getReferenceId() {
        return "test/" + code;
    }

    @Override
    public String describe() {
        return "test: " + name;
    }
}
