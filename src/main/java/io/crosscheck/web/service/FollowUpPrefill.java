package io.crosscheck.web.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.time.ClinicTime;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.input.InputSection;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.service.PreviousVisits;
import io.crosscheck.screening.service.ScreeningStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form of a client's next visit, started from the client's latest screening in the clinic: its demographics,
 * occupation, symptoms, answer sections and examination as form values, each section marked as carried over with the
 * date it comes from ({@link VisitForm}); never its red-flag or health-screen answers, its outcome measures, the
 * follow-up of its own previous visit, or its other notes and visit time: those are asked afresh. The read of the
 * latest screening is audited as any read of a screening.
 */
@ApplicationScoped
public class FollowUpPrefill {

    private final PreviousVisits previousVisits;
    private final ScreeningStore store;
    private final ClinicTime time;

    FollowUpPrefill(PreviousVisits previousVisits, ScreeningStore store, ClinicTime time) {
        this.previousVisits = previousVisits;
        this.store = store;
        this.time = time;
    }

    /** The form values of the client's next visit; only the reference when the client has no screening in the clinic. */
    public Map<String, String> values(String clientRef, KnowledgeBase kb, ScreeningForm form) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("clientRef", clientRef);
        previousVisits
                .latest(clientRef)
                .flatMap(p -> store.find(p.screeningId()))
                .ifPresent(s -> values.putAll(carried(s, kb, form)));
        return values;
    }

    private Map<String, String> carried(Screening s, KnowledgeBase kb, ScreeningForm form) {
        ObjectNode request;
        try {
            request = (ObjectNode) io.crosscheck.common.json.Json.newMapper().readTree(s.request());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // asked afresh at every visit: red flags, the health screen, outcome measures and the follow-up
        request.remove(List.of("redFlags", "outcomes", "followUp"));
        for (InputSection section : kb.reference().inputs().sections()) {
            if (section.isHealthScreen()) {
                request.remove(section.code());
            }
        }
        String occupation =
                request.path("visit").path("notes").path("occupation").asText(null);
        request.remove("visit");
        if (occupation != null) {
            request.putObject("visit").putObject("notes").put("occupation", occupation);
        }
        Map<String, String> values = new LinkedHashMap<>(form.values(kb, request));
        if (occupation != null) {
            values.put("notes.occupation", occupation);
        }
        List<String> sections = new ArrayList<>();
        for (VisitForm.Section section : VisitForm.sections(kb)) {
            if (VisitForm.holds(request, section)) {
                sections.add(section.key());
            }
        }
        if (!sections.isEmpty()) {
            values.put("carried.id", s.id.toString());
            values.put("carried.date", time.date(s.screened()).toString());
            values.put("carried.sections", String.join(",", sections));
        }
        return values;
    }
}
