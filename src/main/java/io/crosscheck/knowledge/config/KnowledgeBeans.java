package io.crosscheck.knowledge.config;

import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one knowledge-base builder of the service, shared by start-up, reload and replay. */
public class KnowledgeBeans {

    @Produces
    @Singleton
    KnowledgeBaseBuilder knowledgeBaseBuilder() {
        return new KnowledgeBaseBuilder(Clock.systemUTC());
    }
}
