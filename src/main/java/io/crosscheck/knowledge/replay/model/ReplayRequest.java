package io.crosscheck.knowledge.replay.model;

/**
 * Body of {@code POST /api/v1/knowledge-base/replays}. Directories are on the server, relative to
 * its working directory; {@code from} and {@code to} are ISO-8601 instants (from inclusive, to
 * exclusive); only {@code candidateRulesDir} is required.
 */
public record ReplayRequest(String candidateRulesDir, String candidateDocsDir, String from, String to, String clientRef) {
}
