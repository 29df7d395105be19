package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;

/**
 * A screen question that applies to this client and was not answered (never read as "no"): a red-flag
 * question ({@link UnansweredRedFlag}) or a health-screen question ({@link UnansweredHealthQuestion}). The
 * result lists them by domain, in the order the rules concluded them.
 */
@FactDoc(
        value =
                "A screen question that applies to this client and was not answered (never read as no): an `UnansweredRedFlag` or an `UnansweredHealthQuestion`.",
        example = "$q : UnansweredQuestion( domain == \"cardiovascular\" )")
public interface UnansweredQuestion extends Conclusion {
    @FactDoc("The question's code.")
    String getCode();

    @FactDoc("The question in words.")
    String getLabel();

    @FactDoc("The domain (red-flag domain or health-screen section) it belongs to.")
    String getDomain();

    @FactDoc("The domain in words.")
    String getDomainLabel();
}
