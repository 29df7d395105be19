package io.crosscheck.archfixtures.modelup.screening.model;

import io.crosscheck.archfixtures.modelup.screening.service.Trends;

/** Breaks "models depend on no service or REST package": a model record reaching up into the service layer. */
public record Chip(String status, String trend) {

    public static Chip first(String status) {
        return new Chip(status, Trends.none());
    }
}
