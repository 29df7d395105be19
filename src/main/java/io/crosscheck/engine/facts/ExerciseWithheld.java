package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;

/** Exercise advice is withheld until the referral has been dealt with. */
@FactDoc(
        value =
                "All exercise advice is withheld until a referral has been dealt with (the gate, SAF-005). It has no fields: match its presence or absence.",
        example = "not ExerciseWithheld()")
public final class ExerciseWithheld implements Conclusion {

    @Override
    public String describe() {
        return "exercise advice withheld pending medical assessment";
    }
}
