package io.crosscheck.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests that {@code ./mvnw package} writes to target/kubernetes/kubernetes.yml
 * (quarkus-kubernetes, plus src/main/kubernetes/kubernetes.yml): parsed as YAML, as no cluster runs here.
 */
class KubernetesManifestsIT {

    private static final Map<String, JsonNode> BY_KIND = new HashMap<>();

    @BeforeAll
    static void parse() throws Exception {
        Path manifests = Path.of("target", "kubernetes", "kubernetes.yml");
        assertThat(manifests).as("written by ./mvnw package").exists();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (YAMLParser parser = new YAMLFactory().createParser(Files.readString(manifests))) {
            for (JsonNode doc : yaml.readValues(parser, JsonNode.class).readAll()) {
                if (doc != null && doc.has("kind")) {
                    assertThat(BY_KIND.put(doc.get("kind").asText(), doc))
                            .as("one " + doc.get("kind"))
                            .isNull();
                }
            }
        }
    }

    private static JsonNode container() {
        JsonNode containers = BY_KIND.get("Deployment").at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    @Test
    void theDeploymentRunsSeveralNodesAndReplacesThemOneAtATimeWithoutGoingBelowItsSize() {
        JsonNode spec = BY_KIND.get("Deployment").get("spec");
        assertThat(spec.get("replicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(spec.at("/strategy/type").asText()).isEqualTo("RollingUpdate");
        assertThat(spec.at("/strategy/rollingUpdate/maxUnavailable").asText()).isEqualTo("0");
        assertThat(BY_KIND)
                .as("no init Job: every node migrates at start, expand/contract")
                .doesNotContainKey("Job");
    }

    @Test
    void readinessAndLivenessProbeTheHealthEndpointsOnTheHttpPort() {
        JsonNode c = container();
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(c.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(c.at("/" + probe + "/httpGet/port").asInt()).isEqualTo(8080);
        }
        assertThat(c.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    }

    @Test
    void resourcesAreRequestedAndLimitedAboveTheMeasuredResidentMemory() {
        JsonNode r = container().get("resources");
        assertThat(r.at("/requests/cpu").asText()).isEqualTo("500m");
        assertThat(r.at("/limits/cpu").asText()).isEqualTo("2");
        // BENCHMARKS.md: resident memory about 500 MB under load with these JVM options (bench/gc-sweep.md)
        assertThat(mebibytes(r.at("/requests/memory").asText())).isEqualTo(512);
        assertThat(mebibytes(r.at("/limits/memory").asText())).isEqualTo(768);
        // the heap (-Xmx256m) and metaspace/code cache caps of bin/serve fit under the limit
        String opts = env(container()).get("JAVA_OPTS_APPEND").get("value").asText();
        assertThat(opts).contains("-Xmx256m", "-XX:MaxMetaspaceSize=192m", "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void credentialsAndSharedKeysComeFromTheSecretAndSettingsFromTheConfigMap() {
        Map<String, JsonNode> env = env(container());
        Map<String, String> fromSecret = new HashMap<>();
        env.forEach((name, e) -> {
            JsonNode ref = e.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode()) {
                assertThat(ref.get("name").asText()).isEqualTo("crosscheck-secrets");
                fromSecret.put(name, ref.get("key").asText());
            }
        });
        assertThat(fromSecret)
                .containsEntry("CROSSCHECK_DB_USER", "db-user")
                .containsEntry("CROSSCHECK_DB_PASSWORD", "db-password")
                .containsEntry("CROSSCHECK_AUDIT_KEY", "audit-key")
                .containsEntry("CROSSCHECK_SESSION_KEY", "session-key")
                .containsEntry("CROSSCHECK_ADMIN_PASSWORD", "admin-password");
        env.values()
                .forEach(
                        e -> assertThat(e.has("value") && e.get("name").asText().matches(".*(PASSWORD|KEY).*"))
                                .as("a secret given as a plain value: " + e.get("name"))
                                .isFalse());
        assertThat(env.get("CROSSCHECK_NODE_NAME")
                        .at("/valueFrom/fieldRef/fieldPath")
                        .asText())
                .isEqualTo("metadata.name");

        JsonNode secret = BY_KIND.get("Secret");
        assertThat(secret.at("/metadata/name").asText()).isEqualTo("crosscheck-secrets");
        assertThat(secret.has("data") || secret.has("stringData"))
                .as("no secret value is shipped")
                .isFalse();

        assertThat(container().at("/envFrom/0/configMapRef/name").asText()).isEqualTo("crosscheck-config");
        JsonNode config = BY_KIND.get("ConfigMap");
        assertThat(config.at("/metadata/name").asText()).isEqualTo("crosscheck-config");
        assertThat(config.at("/data/CROSSCHECK_CLUSTER").asText()).isEqualTo("true");
        assertThat(config.at("/data/CROSSCHECK_JDBC_URL").asText()).startsWith("jdbc:postgresql://");
        assertThat(config.at("/data/QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS").asText())
                .isEqualTo("*:future");
    }

    @Test
    void theServiceAndTheDisruptionBudgetSelectThePodsOfEveryVersion() {
        JsonNode podLabels = BY_KIND.get("Deployment").at("/spec/template/metadata/labels");
        List<JsonNode> selectors = List.of(
                BY_KIND.get("Service").at("/spec/selector"),
                BY_KIND.get("Deployment").at("/spec/selector/matchLabels"),
                BY_KIND.get("PodDisruptionBudget").at("/spec/selector/matchLabels"));
        for (JsonNode selector : selectors) {
            assertThat(selector.size()).isPositive();
            selector.fields()
                    .forEachRemaining(f -> assertThat(podLabels.get(f.getKey()).asText())
                            .isEqualTo(f.getValue().asText()));
            assertThat(selector.has("app.kubernetes.io/version"))
                    .as("a rolling upgrade changes the version label")
                    .isFalse();
        }
        assertThat(BY_KIND.get("PodDisruptionBudget").at("/spec/minAvailable").asInt())
                .isEqualTo(1);
        assertThat(BY_KIND.get("Service").at("/spec/ports/0/targetPort").asInt())
                .isEqualTo(8080);
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode e : container.get("env")) {
            assertThat(seen.add(e.get("name").asText())).isTrue();
            env.put(e.get("name").asText(), e);
        }
        return env;
    }

    private static int mebibytes(String quantity) {
        assertThat(quantity).endsWith("Mi");
        return Integer.parseInt(quantity.substring(0, quantity.length() - 2));
    }
}
