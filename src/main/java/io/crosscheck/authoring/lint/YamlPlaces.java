package io.crosscheck.authoring.lint;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.json.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Where each {@code id:} of a reference-data file stands, read with the YAML parser's own token locations. */
final class YamlPlaces {

    static final ObjectMapper YAML = Yaml.strictMapper();

    private YamlPlaces() {}

    /** Value of each {@code id:} key -> the location of the key. */
    static Map<String, JsonLocation> ids(String yaml) {
        Map<String, JsonLocation> at = new HashMap<>();
        try (JsonParser p = YAML.getFactory().createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && "id".equals(p.currentName())) {
                    JsonLocation key = p.currentTokenLocation();
                    if (p.nextToken() == JsonToken.VALUE_STRING) {
                        at.putIfAbsent(p.getText(), key);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            return at; // the reference reader has already reported the broken YAML
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return at;
    }

    /** {@code rules/reference/x.yaml:12} for the entry with this id, or the file alone when it is not found. */
    static String place(String path, Map<String, JsonLocation> ids, String id) {
        JsonLocation at = ids.get(id);
        return at == null ? path : path + ":" + at.getLineNr();
    }
}
