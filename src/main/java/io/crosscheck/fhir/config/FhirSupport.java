package io.crosscheck.fhir.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one FHIR R4 context of the process. A {@link FhirContext} is expensive to create (it scans the
 * model) and thread-safe once made, so it is created once, lazily, and shared; parsers are cheap and
 * made per use.
 */
public final class FhirSupport {

    private static final class Holder {
        static final FhirContext R4 = FhirContext.forR4();
    }

    private FhirSupport() {}

    public static FhirContext r4() {
        return Holder.R4;
    }

    /** A JSON parser that refuses unknown elements (the default handler only logs them, quoting values). */
    public static IParser strictJsonParser() {
        return r4().newJsonParser().setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler());
    }

    /** A JSON parser for what EHRs send: unknown elements are ignored (and, unlike HAPI's default, not logged). */
    public static IParser lenientJsonParser() {
        return r4().newJsonParser().setParserErrorHandler(new SilentErrorHandler());
    }

    /** The CDI view of the same context. */
    @ApplicationScoped
    public static class Producer {
        @Produces
        @jakarta.inject.Singleton
        FhirContext fhirContext() {
            return r4();
        }
    }

    /** Ignores what a lenient read may ignore, without logging (HAPI's LenientErrorHandler logs element values). */
    static final class SilentErrorHandler extends ca.uhn.fhir.parser.LenientErrorHandler {
        SilentErrorHandler() {
            super(false);
        }
    }
}
