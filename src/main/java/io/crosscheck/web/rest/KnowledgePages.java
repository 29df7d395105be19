package io.crosscheck.web.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.authoring.replay.model.ReplayJob;
import io.crosscheck.authoring.replay.model.ReplayRequest;
import io.crosscheck.authoring.replay.service.ReplayJobs;
import io.crosscheck.authoring.replay.service.ReplayService;
import io.crosscheck.authoring.replay.service.RuleImpacts;
import io.crosscheck.common.access.Caller;
import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.knowledge.service.VersionLabels;
import io.crosscheck.screening.service.ScreeningStore;
import io.crosscheck.web.service.RuleNotes;
import io.crosscheck.web.service.WebCornerstones;
import io.crosscheck.web.service.WebKnowledge;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The knowledge-base pages: the rules serving now with their kb-doc pages (physiotherapists read
 * them too: every rule id in a result links here), the load history, and for authors a replay of
 * stored screenings under another stored version or a proposal, with live progress and the impact table.
 */
@Path("/ui/kb")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.PHYSIO, Role.AUTHOR})
public class KnowledgePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Chrome chrome, WebKnowledge.Overview kb, String error);

        static native TemplateInstance rule(
                Chrome chrome,
                WebKnowledge.RulePage rule,
                List<RuleNotes.Note> notes,
                List<WebCornerstones.Row> cornerstones);

        static native TemplateInstance doc(Chrome chrome, String path, String html);

        static native TemplateInstance replay(
                Chrome chrome, ReplayJob job, Map<String, String> seen, VersionLabels.VersionLabel candidate);

        static native TemplateInstance replayProgress(ReplayJob job, Map<String, String> seen);
    }

    private final WebKnowledge knowledge;
    private final ReplayService replays;
    private final ReplayJobs jobs;
    private final Caller caller;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;
    private final RuleNotes notes;
    private final Csrf csrf;
    private final ScreeningStore screenings;
    private final VersionLabels labels;
    private final RuleImpacts impacts;
    private final WebCornerstones cornerstones;

    KnowledgePages(
            WebKnowledge knowledge,
            ReplayService replays,
            ReplayJobs jobs,
            Caller caller,
            SecurityIdentity identity,
            ObjectMapper mapper,
            RuleNotes notes,
            Csrf csrf,
            ScreeningStore screenings,
            VersionLabels labels,
            RuleImpacts impacts,
            WebCornerstones cornerstones) {
        this.cornerstones = cornerstones;
        this.labels = labels;
        this.impacts = impacts;
        this.screenings = screenings;
        this.knowledge = knowledge;
        this.replays = replays;
        this.jobs = jobs;
        this.caller = caller;
        this.identity = identity;
        this.mapper = mapper;
        this.notes = notes;
        this.csrf = csrf;
    }

    @GET
    public TemplateInstance overview() {
        return Templates.overview(Chrome.of(identity, "kb"), knowledge.overview(), null);
    }

    @GET
    @Path("rules/{id}")
    public TemplateInstance rule(@PathParam("id") String id) {
        WebKnowledge.RulePage page = knowledge.rule(id).orElseThrow(NotFoundException::new);
        Chrome chrome = Chrome.of(identity, "kb");
        return Templates.rule(
                chrome,
                page,
                chrome.author() ? notes.of(id) : List.of(),
                chrome.author() ? cornerstones.rows(id) : List.of());
    }

    @GET
    @Path("docs/{path: .+}")
    public TemplateInstance doc(@PathParam("path") String path) {
        return Templates.doc(
                Chrome.of(identity, "kb"), path, knowledge.doc(path).orElseThrow(NotFoundException::new));
    }

    /** The fact-model reference for authors, from the serving knowledge base (docs/fact-model.md). */
    @GET
    @Path("fact-model")
    public TemplateInstance factModel() {
        return Templates.doc(Chrome.of(identity, "kb"), "Fact model reference", knowledge.factModel());
    }

    @POST
    @Path("replays")
    @RolesAllowed(Role.AUTHOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response startReplay(
            @FormParam("candidateVersion") String candidate,
            @FormParam("from") String from,
            @FormParam("to") String to,
            @FormParam(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        this.csrf.verify(csrf, csrfCookie);
        ObjectNode body = mapper.createObjectNode();
        body.put("candidateVersion", candidate == null ? "" : candidate);
        if (from != null && !from.isBlank()) {
            body.put("from", from.trim());
        }
        if (to != null && !to.isBlank()) {
            body.put("to", to.trim());
        }
        try {
            ReplayJob job = replays.start(body.toString(), clinic());
            return Response.seeOther(URI.create("/ui/kb/replays/" + job.id())).build();
        } catch (InvalidRequestException e) {
            String error = String.join(
                    "; ", e.errors().stream().map(FieldError::message).toList());
            return Response.status(e.status())
                    .entity(Templates.overview(Chrome.of(identity, "kb"), knowledge.overview(), error))
                    .type(MediaType.TEXT_HTML)
                    .build();
        }
    }

    /** "Which stored screenings does this rule change?": the replay without the rule, then its progress page. */
    @POST
    @Path("rules/{id}/impact")
    @RolesAllowed(Role.AUTHOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response startRuleImpact(
            @PathParam("id") String id,
            @FormParam(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        this.csrf.verify(csrf, csrfCookie);
        try {
            ReplayJob job = impacts.start(id, new ReplayRequest(null, null, null, null), clinic())
                    .orElseThrow(NotFoundException::new);
            return Response.seeOther(URI.create("/ui/kb/replays/" + job.id())).build();
        } catch (InvalidRequestException e) {
            String error = String.join(
                    "; ", e.errors().stream().map(FieldError::message).toList());
            return Response.status(e.status())
                    .entity(Templates.overview(Chrome.of(identity, "kb"), knowledge.overview(), error))
                    .type(MediaType.TEXT_HTML)
                    .build();
        }
    }

    @GET
    @Path("replays/{id}")
    @RolesAllowed(Role.AUTHOR)
    public TemplateInstance replay(@PathParam("id") String id, @HeaderParam("HX-Request") String htmx) {
        ReplayJob job = jobs.find(id, clinic()).orElseThrow(NotFoundException::new);
        // the examples' client reference and date, and a link, for those who may open a screening; ids for the others
        Map<String, String> seen = identity.hasRole(Role.PHYSIO) && job.report() != null
                ? screenings.describe("replay:" + job.id(), exampleIds(job))
                : Map.of();
        return "true".equals(htmx)
                ? Templates.replayProgress(job, seen)
                : Templates.replay(Chrome.of(identity, "kb"), job, seen, labels.of(job.candidateVersion()));
    }

    private static List<UUID> exampleIds(ReplayJob job) {
        List<UUID> ids = new ArrayList<>();
        job.report()
                .screenings()
                .changes()
                .values()
                .forEach(k -> k.examples().forEach(e -> {
                    try {
                        ids.add(UUID.fromString(e));
                    } catch (IllegalArgumentException erased) {
                        // an example erased with its client reads "erased"
                    }
                }));
        return ids;
    }

    private String clinic() {
        return caller.requiredClinicId();
    }
}
