package io.crosscheck.screening.service;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A screening evaluated before it is decided whether to keep it: the same validation and evaluation as
 * {@link ScreeningService#screen(String)}, stored only by {@link #store}. A CDS Hooks call keeps a screening only when
 * it produced a card a clinician sees.
 */
@ApplicationScoped
public class ScreeningDrafts {

    private final ScreeningService service;
    private final ScreeningEvaluator evaluator;
    private final ScreeningStore store;
    private final StoredDocuments documents;

    ScreeningDrafts(
            ScreeningService service, ScreeningEvaluator evaluator, ScreeningStore store, StoredDocuments documents) {
        this.service = service;
        this.evaluator = evaluator;
        this.store = store;
        this.documents = documents;
    }

    /** Reads, validates and evaluates a request body; nothing is stored (400/422 as for a screening). */
    public ScreeningService.Evaluated evaluate(String body) {
        return service.evaluate(evaluator.read(body));
    }

    /** Stores a screening evaluated by {@link #evaluate}: its documents are written only now, when it is kept. */
    public void store(ScreeningService.Evaluated evaluated) {
        store.save(evaluated.withDocuments(documents).entity());
    }
}
