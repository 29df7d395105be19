package io.crosscheck.engine.facts;

/** Body side a finding was observed on. */
public enum Side {
    LEFT,
    RIGHT,
    BILATERAL,
    CENTRAL;

    public String label() {
        return this == BILATERAL ? "both sides" : name().toLowerCase();
    }
}
