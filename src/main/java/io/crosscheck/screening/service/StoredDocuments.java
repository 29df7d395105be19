package io.crosscheck.screening.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.persistence.Gzip;
import io.crosscheck.engine.explain.Explanation;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.config.StorageConfig;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.Visit;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The documents of a stored screening, written once and read in either format. Since V103 a row holds the gzip of the
 * exact bytes the POST returned ({@code response_gz}: the result with its compact explanation, {@code visit} beside
 * it) and the gzip of the complete explanation ({@code explanation_gz}), and since V105 the gzip of the request
 * ({@code request_gz}, read through {@link Screening#request()}); rows stored before hold the result without
 * explanation and the complete explanation as JSON text ({@code result_json}, {@code explanation_json}), which the
 * migration left as they were. Every reader of a stored result or explanation goes through here.
 */
@ApplicationScoped
public class StoredDocuments {

    private final ObjectMapper mapper;
    private final ObjectReader resultInResponse;
    private final VisitDates visits;
    private final StorageConfig config;

    StoredDocuments(ObjectMapper mapper, VisitDates visits, StorageConfig config) {
        this.mapper = mapper;
        // the response is the result with two members beside it and the compact explanation: all three skipped
        this.resultInResponse =
                mapper.copy().addMixIn(ScreeningResult.class, InResponse.class).readerFor(ScreeningResult.class);
        this.visits = visits;
        this.config = config;
    }

    @JsonIgnoreProperties({"explanation", "visit", "amendment"})
    private interface InResponse {}

    /**
     * Fills the documents of a screening about to be stored: the response written once (the compact result, then the
     * visit the request records), kept compressed, and the complete explanation compressed; with
     * {@code crosscheck.storage.write-legacy-columns} also the JSON columns a version before V103 or V105 reads.
     * The request, given to the entity as JSON ({@link Screening#request(String)}), is stored compressed too. Returns the
     * response bytes, which the caller sends as they are.
     */
    public byte[] store(Screening entity, ScreeningResult result, Visit visit) {
        byte[] response = withMember(write(result.compact()), "visit", write(visit));
        byte[] explanation = write(result.explanation());
        int level = config.gzipLevel();
        entity.responseGz = Gzip.compress(response, level);
        entity.explanationGz = Gzip.compress(explanation, level);
        entity.compressRequest(level, config.writeLegacyColumns());
        if (config.writeLegacyColumns()) {
            entity.resultJson = new String(write(result.withoutExplanation()), StandardCharsets.UTF_8);
            entity.explanationJson = new String(explanation, StandardCharsets.UTF_8);
        }
        return response;
    }

    /** The response as the POST returned it (compact explanation, {@code visit}), as bytes. */
    public byte[] response(Screening s) {
        return s.responseGz != null ? Gzip.decompress(s.responseGz) : write(legacyResponse(s, false));
    }

    /** The response as a tree, with the complete explanation in place of the compact one when {@code full}. */
    public ObjectNode response(Screening s, boolean full) {
        if (s.responseGz == null) {
            return legacyResponse(s, full);
        }
        ObjectNode response = (ObjectNode) tree(Gzip.decompress(s.responseGz));
        if (full) {
            // replaced where it is: the members keep the order the POST wrote them in
            response.set("explanation", tree(explanationJson(s)));
        }
        return response;
    }

    /** The result without its explanation. */
    public ScreeningResult result(Screening s) {
        try {
            return s.responseGz != null
                    ? resultInResponse.readValue(Gzip.decompress(s.responseGz))
                    : mapper.readValue(s.resultJson, ScreeningResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result without its explanation, as a tree. */
    public JsonNode resultTree(Screening s) {
        if (s.responseGz == null) {
            return tree(s.resultJson.getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode response = (ObjectNode) tree(Gzip.decompress(s.responseGz));
        response.remove(List.of("explanation", "visit", "amendment"));
        return response;
    }

    /** The complete explanation as JSON. */
    public byte[] explanationJson(Screening s) {
        return s.explanationGz != null
                ? Gzip.decompress(s.explanationGz)
                : s.explanationJson.getBytes(StandardCharsets.UTF_8);
    }

    /** The complete explanation. */
    public Explanation explanation(Screening s) {
        try {
            return mapper.readValue(explanationJson(s), Explanation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A row stored before V103, as the API returned it: the stored result, the complete explanation or its compact
     * projection, and the visit (its request's, or its time alone for a screening stored before visits were recorded).
     */
    private ObjectNode legacyResponse(Screening s, boolean full) {
        ObjectNode result = (ObjectNode) tree(s.resultJson.getBytes(StandardCharsets.UTF_8));
        if (full) {
            result.set("explanation", tree(explanationJson(s)));
        } else {
            result.set(
                    "explanation", mapper.valueToTree(explanation(s).compact(ScreeningResult.explanationPath(s.id))));
        }
        result.set("visit", visits.recorded(s));
        return result;
    }

    /** The JSON of a value, as bytes (UTF-8). */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode tree(byte[] json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JSON object with one more member at its end, {@code "name": value}, spliced in before its final {@code }}
     * without parsing it; {@code value} is JSON. The object must be one this application wrote (no trailing space).
     */
    public static byte[] withMember(byte[] object, String name, byte[] value) {
        int end = object.length - 1;
        if (end < 1 || object[0] != '{' || object[end] != '}') {
            throw new IllegalArgumentException("not a JSON object as written by the application");
        }
        boolean empty = end == 1;
        byte[] key = ((empty ? "" : ",") + "\"" + name + "\":").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[object.length + key.length + value.length];
        System.arraycopy(object, 0, out, 0, end);
        System.arraycopy(key, 0, out, end, key.length);
        System.arraycopy(value, 0, out, end + key.length, value.length);
        out[out.length - 1] = '}';
        return out;
    }
}
