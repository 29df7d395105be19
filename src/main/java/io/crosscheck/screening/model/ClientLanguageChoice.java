package io.crosscheck.screening.model;

/**
 * The language a client's take-home sheet is printed in ({@code GET/PUT /api/v1/clients/{ref}/language}).
 *
 * @param clientRef the client (answers only; ignored in a request body)
 * @param language  {@code en} or {@code es}
 */
public record ClientLanguageChoice(String clientRef, String language) {}
