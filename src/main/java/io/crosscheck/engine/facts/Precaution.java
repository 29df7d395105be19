package io.crosscheck.engine.facts;

/** A precaution that shapes how the plan is delivered (it never removes an intervention). */
public final class Precaution extends CodedNote {
    public Precaution(String code, String text) {
        super("precaution", code, text);
    }
}
