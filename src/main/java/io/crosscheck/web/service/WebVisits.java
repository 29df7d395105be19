package io.crosscheck.web.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.time.ClinicTime;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.screening.service.ScreeningService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The screening pages' visit: the form's visit time, notes and carried-over sections ({@link VisitForm}, shown through
 * {@link VisitFormState}), the follow-up form started from the last visit ({@link FollowUpPrefill}), and the visit of
 * a result or report shown ({@link VisitRecordState}). {@link WebScreenings} calls it at each step of a form's life.
 */
@ApplicationScoped
public class WebVisits {

    private final VisitFormState form;
    private final VisitRecordState record;
    private final FollowUpPrefill prefill;
    private final ScreeningService screenings;
    private final ClinicTime time;

    WebVisits(
            VisitFormState form,
            VisitRecordState record,
            FollowUpPrefill prefill,
            ScreeningService screenings,
            ClinicTime time) {
        this.form = form;
        this.record = record;
        this.prefill = prefill;
        this.screenings = screenings;
        this.time = time;
    }

    /** A form about to be shown with these values (completed with now as the visit's time) and errors. */
    void shown(Map<String, String> values, Map<String, String> errors) {
        VisitForm.now(time, values);
        form.shown(values, errors);
    }

    /** A new screening's values: the client's latest screening carried over, or the reference alone. */
    Map<String, String> newScreening(String clientRef, KnowledgeBase kb, ScreeningForm screeningForm) {
        if (clientRef == null || clientRef.isBlank()) {
            return new LinkedHashMap<>();
        }
        return prefill.values(clientRef.strip(), kb, screeningForm);
    }

    /** Reads the visit into a request read from a form, and notes the carried-over sections left unconfirmed. */
    void read(KnowledgeBase kb, Map<String, String> values, ScreeningForm.Read read) {
        VisitForm.read(time, values, read);
        form.unconfirmed(VisitForm.unconfirmed(kb, values, read));
    }

    /**
     * Refuses (422) a form whose carried-over findings were not confirmed, naming each section together with the
     * request's own errors: a carried-over value is never recorded as today's finding.
     */
    void refuseUnconfirmed(String body) {
        if (form.unconfirmed().isEmpty()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>(form.unconfirmed());
        try {
            screenings.validate(body);
        } catch (InvalidRequestException e) {
            errors.addAll(e.errors());
        }
        throw new InvalidRequestException(422, errors);
    }

    /** The visit's values of a stored screening's form (to amend it). */
    void values(WebScreenings.Stored stored, Map<String, String> values) {
        VisitForm.values(time, stored.request(), stored.screening().screened(), values);
    }

    /** The screening a result or report shows. */
    void shown(WebScreenings.Stored stored) {
        record.remember(stored);
    }
}
