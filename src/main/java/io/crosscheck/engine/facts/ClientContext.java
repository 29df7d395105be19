package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.Codes;
import io.crosscheck.engine.doc.FactDoc;

/** Who is being screened: age and, optionally, sex (used for sex-specific norms). */
@FactDoc(
        value = "Who is being screened: age and, optionally, sex (for sex-specific norms). One per screening.",
        example = "$client : ClientContext( normGroup == \"female\" )")
public final class ClientContext implements InputFact {
    private final String ref;
    private final int age;
    private final String sex;

    public ClientContext(String ref, int age, String sex) {
        this.ref = ref;
        this.age = age;
        this.sex = sex;
    }

    @Override
    public String getRef() {
        return ref;
    }

    @FactDoc("Age in years.")
    public int getAge() {
        return age;
    }

    @FactDoc(value = "Sex as sent, or null when not stated.", codes = Codes.SEXES)
    public String getSex() {
        return sex;
    }

    @FactDoc(
            value = "Which sex-specific norm applies: `female`, `male`, or `other` when no sex was stated.",
            values = {"female", "male", "other"})
    public String getNormGroup() {
        return "female".equals(sex) || "male".equals(sex) ? sex : "other";
    }

    @Override
    public String describe() {
        return "client aged " + age + (sex == null ? "" : ", " + sex);
    }
}
