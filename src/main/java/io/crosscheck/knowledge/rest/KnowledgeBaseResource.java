package io.crosscheck.knowledge.rest;

import io.crosscheck.common.access.Role;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.RuleInfo;
import io.crosscheck.knowledge.KnowledgeBaseLoad;
import io.crosscheck.knowledge.KnowledgeBaseVersion;
import io.crosscheck.knowledge.service.KnowledgeBaseRegistry;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The knowledge-base registry, for rule authors: what serves now, past versions and their files. */
@Path("/api/v1/knowledge-base")
@Produces(MediaType.APPLICATION_JSON)
@jakarta.annotation.security.RolesAllowed(Role.AUTHOR)
public class KnowledgeBaseResource {

    private final KnowledgeBaseService knowledgeBases;
    private final KnowledgeBaseRegistry registry;
    private final io.crosscheck.knowledge.config.ClusterConfig cluster;
    private final io.crosscheck.knowledge.service.VersionLabels labels;

    KnowledgeBaseResource(
            KnowledgeBaseService knowledgeBases,
            KnowledgeBaseRegistry registry,
            io.crosscheck.knowledge.config.ClusterConfig cluster,
            io.crosscheck.knowledge.service.VersionLabels labels) {
        this.knowledgeBases = knowledgeBases;
        this.registry = registry;
        this.cluster = cluster;
        this.labels = labels;
    }

    /** A rule as listed by the registry. */
    public record RuleView(String id, String name, String file, int line, String version, String doc, String group) {
        static RuleView of(RuleInfo r) {
            return new RuleView(r.id(), r.name(), r.file(), r.line(), r.version(), r.docPath(), r.stage());
        }
    }

    /** A load attempt, with its version's label (the short hash for a candidate that is not stored). */
    public record LoadView(String version, String label, Instant at, String by, String outcome, List<String> problems) {
        static LoadView of(KnowledgeBaseLoad l, String label) {
            return new LoadView(
                    l.version,
                    label,
                    l.attemptedAt,
                    l.loadedBy,
                    l.outcome,
                    l.problems == null ? List.of() : List.of(l.problems.split("\n")));
        }
    }

    /**
     * The knowledge base serving now; {@code label}: when, who, what changed (VersionLabels);
     * {@code approvalRequired}: a version that was never live goes live only after an author other than its
     * proposer approved it ({@code crosscheck.cluster.require-approval}, any mode).
     */
    public record CurrentView(
            String version,
            String label,
            Instant loadedAt,
            String origin,
            int ruleCount,
            boolean approvalRequired,
            List<RuleView> rules,
            List<LoadView> recentLoads) {}

    /** A stored version, its label (when, who, what changed) and when and by whom it was put live. */
    public record VersionView(
            String version, String label, Instant firstLoadedAt, String origin, int ruleCount, List<LoadView> loads) {}

    @GET
    @Operation(summary = "The knowledge base serving now: version, load time, every rule, recent loads")
    public CurrentView current() {
        KnowledgeBase kb = knowledgeBases.current();
        List<RuleView> rules = kb.rules().stream()
                .sorted(Comparator.comparing(RuleInfo::id))
                .map(RuleView::of)
                .toList();
        return new CurrentView(
                kb.version(),
                labels.text(kb.version()),
                kb.loadedAt(),
                kb.source().origin(),
                rules.size(),
                cluster.requireApproval(),
                rules,
                registry.recentLoads(20).stream().map(this::load).toList());
    }

    @GET
    @Path("versions")
    @Operation(summary = "Every knowledge-base version that went live, with when and by whom")
    public List<VersionView> versions() {
        return registry.versions().stream().map(this::view).toList();
    }

    @GET
    @Path("versions/{version}")
    public VersionView version(@PathParam("version") String version) {
        return registry.version(version).map(this::view).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("versions/{version}/files")
    @Operation(summary = "Paths of the rule and doc files of a version")
    public List<String> files(@PathParam("version") String version) {
        return registry.files(version)
                .map(f -> f.keySet().stream().sorted().toList())
                .orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("versions/{version}/files/{path: .+}")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The content of one rule or doc file as it was in that version")
    public String file(@PathParam("version") String version, @PathParam("path") String path) {
        return registry.files(version).map(f -> f.get(path)).orElseThrow(NotFoundException::new);
    }

    /** The deployment's active version (with its label), and whether this node serves it yet. */
    public record ActiveView(
            String version,
            String label,
            long generation,
            Instant activatedAt,
            String activatedBy,
            String servingHere) {}

    @GET
    @Path("active")
    @Operation(
            summary =
                    "The version active for the whole deployment (every node follows it within seconds) and the one this node serves")
    public ActiveView active() {
        String here = knowledgeBases.current().version();
        return registry.active()
                .map(a -> new ActiveView(
                        a.version(), labels.text(a.version()), a.generation(), a.activatedAt(), a.activatedBy(), here))
                .orElse(new ActiveView(null, null, 0, null, null, here));
    }

    @GET
    @Path("diff")
    @Operation(
            summary =
                    "What changed between two stored versions (live before, or proposals): files added, removed, changed as line hunks")
    public io.crosscheck.knowledge.service.VersionDiff.Diff diff(
            @jakarta.ws.rs.QueryParam("from") String from, @jakarta.ws.rs.QueryParam("to") String to) {
        List<io.crosscheck.common.problem.FieldError> errors = new java.util.ArrayList<>();
        java.util.Optional<java.util.Map<String, String>> a = files(from, "from", errors);
        java.util.Optional<java.util.Map<String, String>> b = files(to, "to", errors);
        if (!errors.isEmpty()) {
            throw new io.crosscheck.common.problem.InvalidRequestException(422, errors);
        }
        return io.crosscheck.knowledge.service.VersionDiff.between(from, a.orElseThrow(), to, b.orElseThrow());
    }

    private java.util.Optional<java.util.Map<String, String>> files(
            String version, String field, List<io.crosscheck.common.problem.FieldError> errors) {
        if (version == null || version.isBlank()) {
            errors.add(
                    new io.crosscheck.common.problem.FieldError(field, "is required: a stored knowledge-base version"));
            return java.util.Optional.empty();
        }
        java.util.Optional<java.util.Map<String, String>> files = registry.files(version);
        if (files.isEmpty()) {
            errors.add(new io.crosscheck.common.problem.FieldError(
                    field, "no such knowledge-base version in the registry", version));
        }
        return files;
    }

    private LoadView load(KnowledgeBaseLoad l) {
        return LoadView.of(l, l.version == null ? null : labels.text(l.version));
    }

    private VersionView view(KnowledgeBaseVersion v) {
        return new VersionView(
                v.version,
                labels.text(v.version),
                v.firstLoadedAt,
                v.origin,
                v.ruleCount,
                registry.loadsOf(v.version).stream().map(this::load).toList());
    }
}
