package io.crosscheck.archfixtures.modelup.screening.service;

/** A service-layer helper. */
public final class Trends {

    private Trends() {}

    public static String none() {
        return "none";
    }
}
