package io.crosscheck.engine.facts;

/**
 * A screen question that applies to this client and was not answered (never read as "no"): a red-flag
 * question ({@link UnansweredRedFlag}) or a health-screen question ({@link UnansweredHealthQuestion}). The
 * result lists them by domain, in the order the rules concluded them.
 */
public interface UnansweredQuestion extends Conclusion {
    String getCode();

    String getLabel();

    String getDomain();

    String getDomainLabel();
}
