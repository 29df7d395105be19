package io.crosscheck.engine.facts;

/** A psychosocial risk factor: adjusts the approach, never blocks the plan. */
public final class YellowFlag extends CodedNote {
    public YellowFlag(String code, String label) {
        super("yellow flag", code, label);
    }
}
