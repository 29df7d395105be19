package io.crosscheck.bench;

import io.crosscheck.support.EhrKeys;
import io.crosscheck.support.FhirFixtures;
import io.crosscheck.support.HapiFhirServer;
import io.crosscheck.support.SituationCharts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Resource;
import org.jose4j.jws.AlgorithmIdentifiers;

/**
 * The latency of a CDS Hooks patient-view call as an EHR sees it, against a running service: the article's client in a
 * physiotherapy encounter (findings, every low-back red flag answered no, so pattern cards and a stored screening),
 * each call a patient of its own (as chart opens are), one call at a time. Two ways: everything prefetched, and
 * nothing prefetched (the service reads the patient, the encounter and the three searches from a real HAPI FHIR server
 * in this process, pages of three, in parallel under its deadline). Prints p50, p90, p99 and max in ms per way, and how
 * many answers came without the whole chart (the deadline passed first: the card says so), and
 * writes them as JSON. Never part of the tests; {@code bench/cds-hook-latency.sh} runs it.
 *
 * <p>Arguments: service base URL, admin password, calls per way, warm-up calls per way, output JSON file.
 */
public final class CdsHookLatency {

    static final String ISSUER = "https://ehr-bench.example.org";
    static final String SERVICE = "/cds-services/crosscheck-patient-view";

    /** Answers of the current way that came without the whole chart read (the deadline passed first). */
    private static final java.util.concurrent.atomic.AtomicInteger PARTIAL =
            new java.util.concurrent.atomic.AtomicInteger();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String adminPassword = args[1];
        int calls = Integer.parseInt(args[2]);
        int warmUp = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        HttpClient http = HttpClient.newHttpClient();
        try (HapiFhirServer fhir = new HapiFhirServer(SituationCharts.CHART_TOKEN)) {
            String registration = """
                    {"issuer": "%s", "clinic": "default", "jwks": %s, "fhirServers": ["%s"]}
                    """.formatted(ISSUER, EhrKeys.publicJwks(EhrKeys.EC), fhir.base());
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/ehr-clients"))
                            .header("Content-Type", "application/json")
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(("admin:" + adminPassword)
                                                            .getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(registration))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException("registration refused: " + r.statusCode() + " " + r.body());
            }
            Map<String, double[]> figures = new LinkedHashMap<>();
            for (String way : List.of("prefetch", "fetch")) {
                run(http, base, fhir, way, warmUp);
                PARTIAL.set(0);
                double[] ms = run(http, base, fhir, way, calls);
                Arrays.sort(ms);
                figures.put(
                        way, new double[] {pct(ms, 50), pct(ms, 90), pct(ms, 99), ms[ms.length - 1], PARTIAL.get()});
            }
            StringBuilder json = new StringBuilder("{");
            System.out.println("| CDS Hooks patient-view, " + calls
                    + " calls one at a time | p50 ms | p90 ms | p99 ms | max ms | answered without the whole chart |");
            System.out.println("|---|---|---|---|---|---|");
            figures.forEach((way, f) -> {
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.1f | %.1f | %.1f | %.1f | %d |%n",
                        label(way),
                        f[0],
                        f[1],
                        f[2],
                        f[3],
                        (int) f[4]);
                json.append(json.length() > 1 ? ", " : "")
                        .append(String.format(
                                Locale.ROOT,
                                "\"%s\": {\"p50\": %.1f, \"p90\": %.1f, \"p99\": %.1f, \"max\": %.1f, \"calls\": %d,"
                                        + " \"withoutWholeChart\": %d}",
                                way,
                                f[0],
                                f[1],
                                f[2],
                                f[3],
                                calls,
                                (int) f[4]));
            });
            Files.writeString(out, json.append("}\n").toString());
        }
    }

    private static String label(String way) {
        return way.equals("prefetch")
                ? "everything prefetched"
                : "nothing prefetched: patient, encounter and 3 searches fetched from HAPI";
    }

    private static double[] run(HttpClient http, String base, HapiFhirServer fhir, String way, int calls)
            throws Exception {
        double[] ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            String patient =
                    "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            List<Resource> observations = new ArrayList<>(FhirFixtures.findings());
            String body =
                    way.equals("prefetch") ? prefetched(patient, observations) : fetched(fhir, patient, observations);
            String token = EhrKeys.sign(
                    EhrKeys.claims(ISSUER, base + SERVICE),
                    EhrKeys.EC,
                    AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + SERVICE))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long started = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            ms[i] = (System.nanoTime() - started) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(way + ": unexpected answer " + r.statusCode() + " " + r.body());
            }
            if (!r.body().contains("lower-crossed") || !r.body().contains("\"complete\":true")) {
                PARTIAL.incrementAndGet(); // answered without the whole chart (the deadline): counted, not hidden
            }
        }
        return ms;
    }

    private static String prefetched(String patient, List<Resource> observations) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("patient", SituationCharts.patient(patient));
        p.put("encounter", SituationCharts.encounter("enc-" + patient, patient, SituationCharts.PHYSIOTHERAPY));
        p.put("observations", observations);
        p.put("conditions", List.of());
        p.put(
                "questionnaireResponses",
                List.of(FhirFixtures.redFlagAnswers(FhirFixtures.LOW_BACK_RED_FLAGS, List.of())));
        return SituationCharts.request("patient-view", UUID.randomUUID().toString(), null, patient, "enc-" + patient, p)
                .replace("Patient/" + FhirFixtures.PATIENT_ID, "Patient/" + patient);
    }

    private static String fetched(HapiFhirServer fhir, String patient, List<Resource> observations) {
        fhir.clear().patient(SituationCharts.patient(patient));
        String json = FhirFixtures.json(FhirFixtures.searchset(observations))
                .replace("Patient/" + FhirFixtures.PATIENT_ID, "Patient/" + patient);
        org.hl7.fhir.r4.model.Bundle b = (org.hl7.fhir.r4.model.Bundle)
                io.crosscheck.fhir.config.FhirSupport.r4().newJsonParser().parseResource(json);
        fhir.add("Observation", b.getEntry().stream().map(e -> e.getResource()).toList());
        org.hl7.fhir.r4.model.QuestionnaireResponse q =
                FhirFixtures.redFlagAnswers(FhirFixtures.LOW_BACK_RED_FLAGS, List.of());
        q.setSubject(new org.hl7.fhir.r4.model.Reference("Patient/" + patient));
        fhir.add("QuestionnaireResponse", List.of(q));
        fhir.add(
                "Encounter",
                List.of(SituationCharts.encounter("enc-" + patient, patient, SituationCharts.PHYSIOTHERAPY)));
        Map<String, Object> p = new LinkedHashMap<>();
        return SituationCharts.request(
                "patient-view", UUID.randomUUID().toString(), fhir.base(), patient, "enc-" + patient, p);
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
