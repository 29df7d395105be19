package io.crosscheck.common.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The one way Crosscheck reads the YAML of a knowledge base (reference data, scenarios, kb-doc front
 * matter): unknown keys are errors, so a typo fails validation instead of being silently ignored.
 */
public final class Yaml {

    private Yaml() {}

    public static JsonMapper.Builder strict() {
        return JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
    }

    public static ObjectMapper strictMapper() {
        return strict().build();
    }
}
