package io.crosscheck.screening.rest;

import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.service.VocabularyService;
import io.crosscheck.screening.service.VocabularyService.VocabularyView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/vocabulary")
@io.quarkus.security.Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VocabularyResource {

    private final KnowledgeBaseService knowledgeBases;
    private final VocabularyService vocabulary;

    VocabularyResource(KnowledgeBaseService knowledgeBases, VocabularyService vocabulary) {
        this.knowledgeBases = knowledgeBases;
        this.vocabulary = vocabulary;
    }

    @GET
    @Operation(summary = "Every code a screening may contain, with labels, units and valid ranges")
    public VocabularyView get() {
        return vocabulary.view(knowledgeBases.current());
    }
}
