package io.crosscheck.cdshooks.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The stored client reference of an EHR patient: a digest of issuer and patient id, never the id itself. */
public final class PatientPseudonym {

    private PatientPseudonym() {}

    /** {@code ehr-} and 24 hex digits of SHA-256({@code issuer|patientId}). */
    public static String of(String issuer, String patientId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((issuer + "|" + patientId).getBytes(StandardCharsets.UTF_8));
            return "ehr-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
