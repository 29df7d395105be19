package io.crosscheck.engine.facts;

/** Exercise advice is withheld until the referral has been dealt with. */
public final class ExerciseWithheld implements Conclusion {

    @Override
    public String describe() {
        return "exercise advice withheld pending medical assessment";
    }
}
