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
 * Hooks tests: {@code Patient/{id}} read, {@code {type}?patient={id}} search by subject for the other types (HAPI's
 * own paging, {@value #PAGE} per page, with its next links), and a bearer-token check (HAPI's 401
 * otherwise). Each request is recorded as {@code METHOD path?query | Authorization}.
 */
public final class HapiFhirServer implements AutoCloseable {

    static final int PAGE = 3;
    private static final List<Class<? extends Resource>> SEARCHABLE = List.of(
            org.hl7.fhir.r4.model.Observation.class,
            org.hl7.fhir.r4.model.Condition.class,
            org.hl7.fhir.r4.model.QuestionnaireResponse.class,
            org.hl7.fhir.r4.model.Encounter.class);

    private final Server jetty;
    private final Map<String, Patient> patients = new ConcurrentHashMap<>();
    private final Map<String, List<Resource>> byType = new ConcurrentHashMap<>();
    /** Every request: method, path and query, and the Authorization header. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public HapiFhirServer(String token) throws Exception {
        RestfulServer fhir = new RestfulServer(FhirSupport.r4());
        List<IResourceProvider> providers = new ArrayList<>();
        providers.add(new PatientProvider());
        for (Class<? extends Resource> type : SEARCHABLE) {
            providers.add(new ByPatientProvider(type));
        }
        fhir.setResourceProviders(providers);
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(50);
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

    /** Forgets every patient and resource (and the recorded requests). */
    public HapiFhirServer clear() {
        patients.clear();
        byType.clear();
        requests.clear();
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
        public List<IBaseResource> byPatient(@RequiredParam(name = "patient") ReferenceParam patient) {
            String wanted = "Patient/" + patient.getIdPart();
            return byType.getOrDefault(type.getSimpleName(), List.of()).stream()
                    .filter(r -> wanted.equals(subject(r)))
                    .map(r -> (IBaseResource) r)
                    .toList();
        }
    }
}
