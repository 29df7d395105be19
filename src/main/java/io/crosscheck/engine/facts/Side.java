package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;

/** Body side a finding was observed on. */
@FactDoc(value = "The body side a test, observation or finding is on.", example = "$f : Finding( side == Side.LEFT )")
public enum Side {
    @FactDoc("Left side.")
    LEFT,
    @FactDoc("Right side.")
    RIGHT,
    @FactDoc("Both sides (`label()` says \"both sides\").")
    BILATERAL,
    @FactDoc("Midline, no side (the explanation names none).")
    CENTRAL;

    @FactDoc("The side in words (`left`, `both sides`).")
    public String label() {
        return this == BILATERAL ? "both sides" : name().toLowerCase();
    }
}
