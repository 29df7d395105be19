package io.crosscheck.engine.facts;

/** An assessment (posture observation, length test, movement test...) with its evidence note. */
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

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

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
