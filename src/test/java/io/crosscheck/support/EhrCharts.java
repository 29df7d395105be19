package io.crosscheck.support;

import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.FhirScreeningMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * Realistic charts under {@code src/test/resources/fhir/charts/}, coded as an EHR codes them (LOINC vitals and scores,
 * SNOMED CT and ICD-10-CM problems, Epic-style flowsheet rows read through the shipped example ConceptMap, an SDC
 * QuestionnaireResponse). Dates that must stay recent are written {@code {{today-Nd}}} (N days ago) and birth dates
 * {@code {{years-ago-N}}}, filled in when read.
 */
public final class EhrCharts {

    private static final Pattern DAYS = Pattern.compile("\\{\\{today-(\\d+)d}}");
    private static final Pattern YEARS = Pattern.compile("\\{\\{years-ago-(\\d+)}}");

    private EhrCharts() {}

    /** The chart {@code name} (without .json) as a collection Bundle, its dates filled in relative to today. */
    public static Bundle chart(String name) {
        String text;
        try (InputStream in = EhrCharts.class.getResourceAsStream("/fhir/charts/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no chart " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        Matcher d = DAYS.matcher(text);
        text = d.replaceAll(m -> today.minusDays(Long.parseLong(m.group(1))).toString());
        Matcher y = YEARS.matcher(text);
        text = y.replaceAll(
                m -> today.minusYears(Long.parseLong(m.group(1))).minusDays(10).toString());
        return FhirSupport.strictJsonParser().parseResource(Bundle.class, text);
    }

    /** The chart's resources, located as the mapper reads them. */
    public static List<FhirScreeningMapper.Located> located(Bundle chart) {
        return FhirScreeningMapper.flatten(chart, "");
    }

    public static Patient patient(Bundle chart) {
        return (Patient) resources(chart, "Patient").get(0);
    }

    /** The chart's resources of one type (for a FHIR server holding them). */
    public static List<Resource> resources(Bundle chart, String type) {
        return chart.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r.fhirType().equals(type))
                .toList();
    }
}
