package io.crosscheck.engine.doc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a fact type, one of its fields (a bean property such as {@code getTrigger()}, read in DRL as {@code trigger}),
 * a method or an enum constant means to a rule author. {@link FactModelReference} reads these to write the fact-model
 * reference ({@code docs/fact-model.md}, {@code bin/crosscheck fact-model}); its test fails when a field of the fact
 * model has none. Kept beside the code so that a new field cannot be added without saying what it is.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.CONSTRUCTOR})
public @interface FactDoc {

    /** The meaning, in a sentence or two, for an author who reads no Java. */
    String value();

    /** Where the codes the field holds are defined (reference data, or the rules that create them). */
    Codes codes() default Codes.NONE;

    /** The only values a text field takes, when they are fixed by the engine rather than by reference data. */
    String[] values() default {};

    /** On a type: a DRL condition that matches it (checked by compiling it in FactModelReferenceTest). */
    String example() default "";
}
