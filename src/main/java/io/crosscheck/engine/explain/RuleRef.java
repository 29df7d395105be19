package io.crosscheck.engine.explain;

import io.crosscheck.engine.RuleInfo;

/**
 * The rule behind a conclusion: id (also its kb-doc page), name, source position and version; in
 * a compact explanation only the id (the rest is absent).
 */
public record RuleRef(String id, String name, String file, Integer line, String version, String doc) {

    public static RuleRef of(RuleInfo info) {
        return new RuleRef(info.id(), info.name(), info.file(), info.line(), info.version(), info.docPath());
    }

    public static RuleRef idOnly(String id) {
        return new RuleRef(id, null, null, null, null, null);
    }
}
