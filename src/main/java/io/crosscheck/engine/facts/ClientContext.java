package io.crosscheck.engine.facts;

/** Who is being screened: age and, optionally, sex (used for sex-specific norms). */
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

    public int getAge() {
        return age;
    }

    public String getSex() {
        return sex;
    }
    /** Which sex-specific norm applies: female, male, or other (no sex stated). */
    public String getNormGroup() {
        return "female".equals(sex) || "male".equals(sex) ? sex : "other";
    }

    @Override
    public String describe() {
        return "client aged " + age + (sex == null ? "" : ", " + sex);
    }
}
