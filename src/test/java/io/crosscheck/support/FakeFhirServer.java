package io.crosscheck.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small FHIR R4 server over real HTTP (JDK HttpServer, HAPI's serialiser) for the fetch path: read
 * {@code Patient/{id}}, search {@code {type}?patient={id}} in pages of {@value #PAGE} with next links,
 * and only with the expected bearer token (else 401). hapi-fhir-server is not served to this build,
 * so the RESTful server is this one; it speaks the same wire protocol.
 */
public final class FakeFhirServer implements AutoCloseable {

    static final int PAGE = 3;

    private final HttpServer server;
    private final String token;
    private final Map<String, Resource> patients = new LinkedHashMap<>();
    private final Map<String, List<Resource>> byType = new LinkedHashMap<>();
    /** Every request: method, path and query, and the Authorization header. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public FakeFhirServer(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fhir", this::handle);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    }

    public FakeFhirServer patient(Resource p) {
        patients.put(p.getIdElement().getIdPart(), p);
        return this;
    }

    public FakeFhirServer add(String type, List<? extends Resource> resources) {
        byType.computeIfAbsent(type, k -> new ArrayList<>()).addAll(resources);
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String query = ex.getRequestURI().getRawQuery();
        requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + (query == null ? "" : "?" + query) + " | " + auth);
        if (!("Bearer " + token).equals(auth)) {
            send(ex, 401, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"login\"}]}");
            return;
        }
        String[] path = ex.getRequestURI().getPath().substring("/fhir/".length()).split("/");
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String p : query.split("&")) {
                String[] kv = p.split("=", 2);
                params.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        if (path.length == 2 && path[0].equals("Patient")) {
            Resource p = patients.get(path[1]);
            if (p == null) {
                send(ex, 404, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-found\"}]}");
            } else {
                send(ex, 200, FhirFixtures.json(p));
            }
            return;
        }
        if (path.length == 1 && params.containsKey("patient")) {
            List<Resource> all = patients.containsKey(params.get("patient")) ? byType.getOrDefault(path[0], List.of()) : List.of();
            int page = Integer.parseInt(params.getOrDefault("_page", "1"));
            Bundle b = FhirFixtures.searchset(all.subList(Math.min(all.size(), (page - 1) * PAGE), Math.min(all.size(), page * PAGE)));
            b.setTotal(all.size());
            if (page * PAGE < all.size()) {
                b.addLink().setRelation(Bundle.LINK_NEXT).setUrl(base() + "/" + path[0] + "?patient=" + params.get("patient") + "&_page=" + (page + 1));
            }
            send(ex, 200, FhirFixtures.json(b));
            return;
        }
        send(ex, 400, "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"not-supported\"}]}");
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/fhir+json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
