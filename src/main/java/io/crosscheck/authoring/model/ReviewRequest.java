package io.crosscheck.authoring.model;

import io.crosscheck.common.validation.PlainText;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/knowledge-base/versions/{version}/review}: why the emergency is accepted. */
public record ReviewRequest(@PlainText @Size(max = 2000) String reason) {}
