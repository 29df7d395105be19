package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;

/**
 * A fact a rule concluded. The engine records, for every conclusion, the rule that inserted it and
 * the facts that rule matched; see {@code io.crosscheck.engine.explain}.
 */
@FactDoc(
        value =
                "A fact a rule concluded and inserted. The engine records for every conclusion the rule that inserted it and the facts that rule matched; you never write provenance.",
        example = "$c : Conclusion()")
public interface Conclusion extends Fact {}
