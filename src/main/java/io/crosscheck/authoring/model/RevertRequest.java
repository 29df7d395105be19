package io.crosscheck.authoring.model;

import io.crosscheck.common.validation.PlainText;
import jakarta.validation.constraints.Size;

/**
 * The optional body of {@code POST /api/v1/knowledge-base/versions/{version}/revert}: without it (or with
 * {@code emergency} false) the revert becomes a proposal; {@code emergency} true puts it live at once after
 * validation, and then {@code reason} is required.
 */
public record RevertRequest(
        Boolean emergency, @PlainText @Size(max = 2000) String reason) {

    public static final RevertRequest PROPOSAL = new RevertRequest(false, null);

    public boolean isEmergency() {
        return Boolean.TRUE.equals(emergency);
    }
}
