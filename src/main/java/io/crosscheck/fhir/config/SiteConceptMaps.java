package io.crosscheck.fhir.config;

import io.crosscheck.fhir.service.ConceptMapTranslations;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The site's ConceptMaps ({@code crosscheck.fhir.concept-maps}), read and checked against the knowledge base at
 * start-up, after the knowledge base is loaded: a map that cannot be read or names a code Crosscheck does not read
 * stops the start with {@link ConceptMapTranslations.InvalidConceptMap} naming each problem.
 */
@ApplicationScoped
public class SiteConceptMaps {

    private static final Logger LOG = Logger.getLogger(SiteConceptMaps.class);

    private final FhirConfig config;
    private final KnowledgeBaseService knowledgeBases;
    private volatile ConceptMapTranslations translations = ConceptMapTranslations.NONE;

    SiteConceptMaps(FhirConfig config, KnowledgeBaseService knowledgeBases) {
        this.config = config;
        this.knowledgeBases = knowledgeBases;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
        config.conceptMaps().filter(s -> !s.isBlank()).ifPresent(location -> {
            translations = ConceptMapTranslations.load(
                    Path.of(location), knowledgeBases.current().reference());
            LOG.infof("Site ConceptMaps from %s: %d local codes mapped", location, translations.size());
        });
    }

    /** The translations in force (none when no map is configured). */
    public ConceptMapTranslations translations() {
        return translations;
    }
}
