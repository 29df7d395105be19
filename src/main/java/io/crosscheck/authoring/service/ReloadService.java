package io.crosscheck.authoring.service;

import io.crosscheck.knowledge.service.KnowledgeBaseService.ReloadResult;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.engine.KnowledgeSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Supplier;

/**
 * Hot reload for rule authors: the configured rules directory goes live only if it passes the same
 * validation as {@code bin/validate-rules} (compile, lint, scenario suite, rule coverage).
 */
@ApplicationScoped
public class ReloadService {

    private final KnowledgeBaseService knowledgeBases;
    private final KnowledgeBaseValidator validator;

    ReloadService(KnowledgeBaseService knowledgeBases, KnowledgeBaseValidator validator) {
        this.knowledgeBases = knowledgeBases;
        this.validator = validator;
    }

    public ReloadResult reload(String by) {
        return knowledgeBases.reload(by, validator::validate);
    }

    /** Reloads a candidate from elsewhere (an uploaded archive, a registry version), validated the same way. */
    public ReloadResult reload(String by, Supplier<KnowledgeSource> source) {
        return knowledgeBases.reload(by, source, validator::validate);
    }
}
