package io.crosscheck.fhir.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;

/**
 * The client's take-home sheet as a FHIR R4 DocumentReference, for an EHR to file with the patient's record: status
 * current, type LOINC 69730-0 "Instructions" (the document ontology's kind for instructions to a patient), subject the
 * EHR's Patient (or the pseudonymous client), the date the screening was made, the sheet's language, and the PDF itself
 * as the attachment (application/pdf, its language, base64 data, title, SHA-1 hash and size, as R4 defines them); its
 * context relates it to the screening by the screening's identifier. Pure: the caller renders the PDF.
 */
public final class SheetDocumentReferences {

    /** LOINC: the code system of the type. */
    public static final String LOINC = "http://loinc.org";

    /** LOINC 69730-0 Instructions. */
    public static final String INSTRUCTIONS = "69730-0";

    private SheetDocumentReferences() {}

    /**
     * @param screening the screening the sheet was printed from
     * @param subject   the EHR's Patient or the client's pseudonymous reference
     * @param madeAt    when the screening was made
     * @param language  the sheet's language (BCP 47)
     * @param title     the sheet's heading, in its language
     * @param pdf       the sheet as PDF
     */
    public static DocumentReference of(
            UUID screening, Reference subject, Instant madeAt, String language, String title, byte[] pdf) {
        DocumentReference d = new DocumentReference();
        d.setId(screening + "-sheet");
        d.setLanguage(language);
        d.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        d.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
        d.setType(new CodeableConcept(new Coding(LOINC, INSTRUCTIONS, "Instructions"))
                .setText("Take-home exercise sheet"));
        d.addCategory(new CodeableConcept(new Coding(CrosscheckCodes.SYSTEM, "screening", null))
                .setText("Crosscheck screening"));
        d.setSubject(subject);
        d.setDate(Date.from(madeAt));
        d.setDescription("The client's take-home exercise sheet of a Crosscheck screening");
        Attachment a = new Attachment();
        a.setContentType("application/pdf");
        a.setLanguage(language);
        a.setData(pdf);
        a.setTitle(title);
        a.setSize(pdf.length);
        a.setHash(sha1(pdf));
        a.setCreation(Date.from(madeAt));
        d.addContent().setAttachment(a);
        d.getContext()
                .addRelated(new Reference()
                        .setIdentifier(ScreeningBundles.screeningIdentifier(screening))
                        .setDisplay("Crosscheck screening"));
        return d;
    }

    /** SHA-1 of the data, as Attachment.hash is defined in R4. */
    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
