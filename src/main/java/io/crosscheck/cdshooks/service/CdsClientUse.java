package io.crosscheck.cdshooks.service;

import io.crosscheck.cdshooks.config.EhrConfig;
import io.crosscheck.cdshooks.config.PublicBaseUrl;
import io.crosscheck.fhir.service.FhirClientUse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Crosscheck reads from an EHR's FHIR server, taken from the prefetch templates discovery advertises
 * ({@link CdsHookService#discovery()}, {@link ChartQueries}: whatever they ask, the CapabilityStatement says), and the SMART App Launch it takes part in as an app: the launch URL
 * and redirect URI under the public base URL, and the scopes of {@code crosscheck.ehr.smart.scope}.
 */
@ApplicationScoped
public class CdsClientUse implements FhirClientUse {

    private final EhrConfig config;
    private final PublicBaseUrl publicBaseUrl;
    private final CdsHookService hooks;

    CdsClientUse(EhrConfig config, PublicBaseUrl publicBaseUrl, CdsHookService hooks) {
        this.config = config;
        this.publicBaseUrl = publicBaseUrl;
        this.hooks = hooks;
    }

    @Override
    public Use use() {
        List<String> reads = new ArrayList<>();
        Map<String, Set<String>> searches = new LinkedHashMap<>();
        Set<String> resultParameters = new LinkedHashSet<>();
        Set<String> templates = new LinkedHashSet<>();
        hooks.discovery()
                .services()
                .forEach(service -> templates.addAll(service.prefetch().values()));
        for (String template : templates) {
            int q = template.indexOf('?');
            String path = q < 0 ? template : template.substring(0, q);
            String type = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            if (q < 0) {
                if (!reads.contains(type)) {
                    reads.add(type);
                }
                continue;
            }
            Set<String> params = searches.computeIfAbsent(type, t -> new LinkedHashSet<>());
            for (String pair : template.substring(q + 1).split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                name = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
                (name.startsWith("_") ? resultParameters : params).add(name);
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        searches.forEach((type, params) -> out.put(type, List.copyOf(params)));
        String base = publicBaseUrl.available() ? publicBaseUrl.get() : null;
        return new Use(
                List.copyOf(reads),
                out,
                List.copyOf(resultParameters),
                base == null ? null : base + "/smart/launch",
                base == null ? null : base + "/smart/callback",
                Arrays.stream(config.smart().scope().trim().split("\\s+")).toList());
    }
}
