package io.crosscheck.authoring.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.config.KnowledgeConfig;
import io.crosscheck.knowledge.service.KnowledgeArchive;
import io.crosscheck.knowledge.service.KnowledgeBaseRegistry;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Where a reload or replay candidate may come from: never a server path named by a client, only an
 * uploaded archive (read in memory, size- and entry-limited, zip-slip-safe) or a stored version from
 * the registry; a reload or a proposal also the configured rules directory, named by configuration only.
 */
@ApplicationScoped
public class CandidateSources {

    private final KnowledgeBaseRegistry registry;
    private final KnowledgeBaseService knowledgeBases;
    private final KnowledgeArchive archives;

    CandidateSources(KnowledgeBaseRegistry registry, KnowledgeBaseService knowledgeBases, KnowledgeConfig config) {
        this.registry = registry;
        this.knowledgeBases = knowledgeBases;
        this.archives = new KnowledgeArchive(
                config.archive().maxUncompressedBytes(), config.archive().maxEntries());
    }

    /** An uploaded zip of rules/ (and optionally kb-docs/; without, the docs serving now are used). */
    public KnowledgeSource archive(byte[] zip) {
        if (zip == null || zip.length == 0) {
            throw new InvalidRequestException(
                    422, List.of(new FieldError("/archive", "the body must be a zip of rules/ and kb-docs/")));
        }
        try {
            return archives.read(
                    zip, archiveId(zip), knowledgeBases.current().source().files());
        } catch (KnowledgeArchive.Rejected e) {
            throw new InvalidRequestException(
                    422,
                    e.reasons().stream().map(r -> new FieldError("/archive", r)).toList());
        }
    }

    /** An uploaded archive's name in logs and the audit: the hash of its bytes, never its content. */
    public static String archiveId(byte[] zip) {
        return "archive:sha256:" + sha256(zip == null ? new byte[0] : zip).substring(0, 16);
    }

    /**
     * The configured rules and docs directories as they are on disk now (the packaged copy where there are none):
     * the working rules an author proposes, named by configuration only, never by the client.
     */
    public KnowledgeSource workingRules() {
        return knowledgeBases.readSource();
    }

    /** A version from the registry, as it was stored when it went live. */
    public KnowledgeSource version(String version, String field) {
        Map<String, String> files = registry.files(version)
                .orElseThrow(() -> new InvalidRequestException(
                        422,
                        List.of(new FieldError(field, "no such knowledge-base version in the registry", version))));
        return new KnowledgeSource("registry:" + version, files);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
