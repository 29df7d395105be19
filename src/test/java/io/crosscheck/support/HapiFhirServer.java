package io.crosscheck.support;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import io.crosscheck.fhir.config.FhirSupport;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * A real HAPI FHIR R4 {@link RestfulServer} in Jetty on a random port, for the fetch path of the CDS
 * Hooks tests: {@code Patient/{id}} read, {@code {type}?patient={id}} search by subject for the other types with the
 * {@code code} filter, {@code _sort} (newest first by the resource's date) and {@code _count} (HAPI's own paging,
 * {@value #PAGE} per page unless {@link #pageSize(int)} says otherwise, with its next links), a read by id of the
 * other types (an Encounter), and a bearer-token check (HAPI's 401 otherwise). Each request is recorded as
 * {@code METHOD path?query | Authorization}. The unkind servers an EHR may run are variants of the same server:
 * one that ignores {@code _sort} ({@link #ignoreSort()}), one whose page links point to another host
 * ({@link #linksTo(String)}), one that holds a resource type's requests until released ({@link #hold}), and one that
 * fails a resource type's searches with HAPI's OperationOutcome ({@link #fail(String)}).
 */
public final class HapiFhirServer implements AutoCloseable {

    static final int PAGE = 3;
    private static final List<Class<? extends Resource>> SEARCHABLE = List.of(
            org.hl7.fhir.r4.model.Observation.class,
            org.hl7.fhir.r4.model.Condition.class,
            org.hl7.fhir.r4.model.QuestionnaireResponse.class,
            org.hl7.fhir.r4.model.Encounter.class);

    private final Server jetty;
    private final RestfulServer fhir;
    private final FifoMemoryPagingProvider paging;
    private volatile boolean ignoreSort;
    private final Map<String, java.util.concurrent.CountDownLatch> held = new ConcurrentHashMap<>();
    private final java.util.Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, Patient> patients = new ConcurrentHashMap<>();
    private final Map<String, List<Resource>> byType = new ConcurrentHashMap<>();
    /** Every request: method, path and query, and the Authorization header. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public HapiFhirServer(String token) throws Exception {
        fhir = new RestfulServer(FhirSupport.r4());
        List<IResourceProvider> providers = new ArrayList<>();
        providers.add(new PatientProvider());
        for (Class<? extends Resource> type : SEARCHABLE) {
            providers.add(new ByPatientProvider(type));
        }
        fhir.setResourceProviders(providers);
        paging = new FifoMemoryPagingProvider(50);
        paging.setDefaultPageSize(PAGE);
        paging.setMaximumPageSize(PAGE);
        fhir.setPagingProvider(paging);
        fhir.registerInterceptor(new BearerOnly(token));

        jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(fhir), "/fhir/*");
        jetty.setHandler(context);
        jetty.start();
    }

    public String base() {
        return "http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort() + "/fhir";
    }

    public HapiFhirServer patient(Patient p) {
        patients.put(p.getIdElement().getIdPart(), p);
        return this;
    }

    /** Forgets every patient and resource (and the recorded requests), and is a kind server again. */
    public HapiFhirServer clear() {
        patients.clear();
        byType.clear();
        requests.clear();
        ignoreSort = false;
        held.values().forEach(java.util.concurrent.CountDownLatch::countDown);
        held.clear();
        failing.clear();
        fhir.setServerAddressStrategy(new ca.uhn.fhir.rest.server.IncomingRequestAddressStrategy());
        pageSize(PAGE);
        return this;
    }

    /** Results per page, whatever {@code _count} asks. */
    public HapiFhirServer pageSize(int size) {
        paging.setDefaultPageSize(size);
        paging.setMaximumPageSize(size);
        return this;
    }

    /** Answers searches in the order resources were added, as a server that does not support {@code _sort}. */
    public HapiFhirServer ignoreSort() {
        ignoreSort = true;
        return this;
    }

    /** Writes its links (next pages) with another base URL, as a server behind a misconfigured proxy. */
    public HapiFhirServer linksTo(String base) {
        fhir.setServerAddressStrategy(new ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy(base));
        return this;
    }

    /** Holds every request for a resource type (its path starts with it) until {@code release} counts down (60 s at most). */
    public HapiFhirServer hold(String type, java.util.concurrent.CountDownLatch release) {
        held.put(type, release);
        return this;
    }

    /** Fails every search of a resource type: HAPI's 500 with an OperationOutcome. */
    public HapiFhirServer fail(String type) {
        failing.add(type);
        return this;
    }

    /** Adds resources of a type; one without an id gets one, as a server assigns on create. */
    public HapiFhirServer add(String type, List<? extends Resource> resources) {
        List<Resource> stored = byType.computeIfAbsent(type, k -> new CopyOnWriteArrayList<>());
        for (Resource r : resources) {
            if (!r.hasIdElement() || r.getIdElement().isEmpty()) {
                r.setId(type + "/" + java.util.UUID.randomUUID());
            }
            stored.add(r);
        }
        return this;
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    /** Records each request and refuses one without the expected bearer token, before any provider runs. */
    @Interceptor
    public final class BearerOnly {
        private final String token;

        BearerOnly(String token) {
            this.token = token;
        }

        @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
        public boolean check(HttpServletRequest request) {
            String auth = request.getHeader("Authorization");
            String query = request.getQueryString();
            requests.add(request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query)
                    + " | " + auth);
            if (!("Bearer " + token).equals(auth)) {
                throw new AuthenticationException("a valid bearer token is required");
            }
            String path = request.getRequestURI().replaceFirst("^/fhir/?", "");
            held.forEach((type, latch) -> {
                if (path.startsWith(type)) {
                    try {
                        latch.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            return true;
        }
    }

    public final class PatientProvider implements IResourceProvider {
        @Override
        public Class<Patient> getResourceType() {
            return Patient.class;
        }

        @Read
        public Patient read(@IdParam IdType id) {
            Patient p = patients.get(id.getIdPart());
            if (p == null) {
                throw new ResourceNotFoundException(id);
            }
            return p;
        }
    }

    /** The resource's subject reference (Observation, Condition, QuestionnaireResponse, Encounter), as Patient/id. */
    private static String subject(Resource r) {
        org.hl7.fhir.r4.model.Base value = r.getNamedProperty("subject") == null
                        || r.getNamedProperty("subject").getValues().isEmpty()
                ? null
                : r.getNamedProperty("subject").getValues().get(0);
        return value instanceof org.hl7.fhir.r4.model.Reference ref
                ? ref.getReferenceElement().toUnqualifiedVersionless().getValue()
                : null;
    }

    /** Whether the resource's code has a coding the token list names ({@code system|code}, or {@code system|} for any). */
    private static boolean matches(Resource r, ca.uhn.fhir.rest.param.TokenOrListParam tokens) {
        org.hl7.fhir.r4.model.Property p = r.getNamedProperty("code");
        if (p == null
                || p.getValues().isEmpty()
                || !(p.getValues().get(0) instanceof org.hl7.fhir.r4.model.CodeableConcept cc)) {
            return false;
        }
        for (ca.uhn.fhir.rest.param.TokenParam t : tokens.getValuesAsQueryTokens()) {
            for (org.hl7.fhir.r4.model.Coding c : cc.getCoding()) {
                boolean system = t.getSystem() == null || t.getSystem().equals(c.getSystem());
                boolean value = t.getValue() == null
                        || t.getValue().isEmpty()
                        || t.getValue().equals(c.getCode());
                if (system && value) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The date a search sorts by: an Observation's effective time, a Condition's recorded date, a response's authored. */
    private static java.util.Date date(Resource r) {
        if (r instanceof org.hl7.fhir.r4.model.Observation o && o.hasEffectiveDateTimeType()) {
            return o.getEffectiveDateTimeType().getValue();
        }
        if (r instanceof org.hl7.fhir.r4.model.Condition c && c.hasRecordedDate()) {
            return c.getRecordedDate();
        }
        if (r instanceof org.hl7.fhir.r4.model.QuestionnaireResponse q && q.hasAuthored()) {
            return q.getAuthored();
        }
        return null;
    }

    /** Search by patient for one resource type, as an EHR's FHIR server answers {@code Observation?patient=}. */
    public final class ByPatientProvider implements IResourceProvider {
        private final Class<? extends Resource> type;

        ByPatientProvider(Class<? extends Resource> type) {
            this.type = type;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return type;
        }

        @Search
        public List<IBaseResource> byPatient(
                @RequiredParam(name = "patient") ReferenceParam patient,
                @ca.uhn.fhir.rest.annotation.OptionalParam(name = "code") ca.uhn.fhir.rest.param.TokenOrListParam code,
                @ca.uhn.fhir.rest.annotation.Sort ca.uhn.fhir.rest.api.SortSpec sort,
                @ca.uhn.fhir.rest.annotation.Count Integer count) {
            if (failing.contains(type.getSimpleName())) {
                throw new ca.uhn.fhir.rest.server.exceptions.InternalErrorException("search failed on purpose");
            }
            String wanted = "Patient/" + patient.getIdPart();
            java.util.stream.Stream<Resource> found = byType.getOrDefault(type.getSimpleName(), List.of()).stream()
                    .filter(r -> wanted.equals(subject(r)))
                    .filter(r -> code == null || matches(r, code));
            if (sort != null && !ignoreSort) {
                found = found.sorted(java.util.Comparator.comparing(
                        HapiFhirServer::date, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
            }
            return found.map(r -> (IBaseResource) r).toList();
        }

        @Read
        public IBaseResource read(@IdParam IdType id) {
            return byType.getOrDefault(type.getSimpleName(), List.of()).stream()
                    .filter(r -> r.getIdElement().getIdPart().equals(id.getIdPart()))
                    .findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }
    }
}
