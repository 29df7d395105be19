package io.crosscheck.knowledge.service;

import java.util.Optional;

/**
 * Compiled knowledge-base modules (the executable model's jar) by cache key: the rule source's
 * content hash and the engine's fingerprint ({@code KnowledgeBaseCompiler.fingerprint()}). A
 * restart or reload of an unchanged rule set loads instead of compiling. Best effort: a store that
 * fails is logged and skipped, never fails a build.
 */
public interface CompiledModuleCache {

    Optional<byte[]> find(String key);

    void save(String key, String kbVersion, byte[] module);
}
