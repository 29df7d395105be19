package io.crosscheck.web.rest;

import static io.crosscheck.web.rest.PageInput.blankToNull;
import static io.crosscheck.web.rest.PageInput.single;
import static io.crosscheck.web.rest.PageInput.uuid;

import io.crosscheck.common.access.Role;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.service.DisagreementService;
import io.crosscheck.screening.service.ScreeningService;
import io.crosscheck.web.service.DerivationRow;
import io.crosscheck.web.service.FormDrafts;
import io.crosscheck.web.service.FormField;
import io.crosscheck.web.service.FormModel;
import io.crosscheck.web.service.ResultView;
import io.crosscheck.web.service.ScreeningForm;
import io.crosscheck.web.service.ScreeningRecords;
import io.crosscheck.web.service.WebScreenings;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The physiotherapist's screening pages: the form, the result, its derivation and the clinician's report (the
 * client's take-home sheet is {@link SheetPages}').
 * Thin: the form is read and laid out by {@link io.crosscheck.web.service.ScreeningForm}, screening goes
 * through the screening service, and a refused form comes back with the API's own messages.
 */
@Path("/ui/screenings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.PHYSIO)
public class ScreeningPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(
                Chrome chrome,
                String heading,
                FormModel form,
                int errorCount,
                String action,
                String idempotencyKey,
                String submitLabel,
                String draftKey,
                String amendOf,
                String reason,
                String reasonError);

        static native TemplateInstance result(
                Chrome chrome,
                ResultView r,
                List<ScreeningService.ScreeningVersion> versions,
                List<FormField.Option> conclusions,
                String notice,
                ScreeningService.ScreeningVersion latest);

        static native TemplateInstance derivation(Chrome chrome, String id, List<DerivationRow> rows);

        static native TemplateInstance derivationFragment(List<DerivationRow> rows);

        static native TemplateInstance report(Chrome chrome, ResultView r, List<String> whatIf);
    }

    private final WebScreenings screenings;
    private final ScreeningService screeningService;
    private final DisagreementService disagreements;
    private final SecurityIdentity identity;
    private final Csrf csrf;
    private final ScreeningRecords records;
    private final io.crosscheck.screening.service.WhatIfService whatIfs;

    ScreeningPages(
            WebScreenings screenings,
            ScreeningService screeningService,
            DisagreementService disagreements,
            SecurityIdentity identity,
            Csrf csrf,
            ScreeningRecords records,
            io.crosscheck.screening.service.WhatIfService whatIfs) {
        this.records = records;
        this.whatIfs = whatIfs;
        this.screenings = screenings;
        this.screeningService = screeningService;
        this.disagreements = disagreements;
        this.identity = identity;
        this.csrf = csrf;
    }

    @GET
    @Path("new")
    public TemplateInstance newScreening(@QueryParam("client") String clientRef) {
        // a client seen before: the form starts from the latest screening, carried over until confirmed
        Map<String, String> values = new LinkedHashMap<>(screenings.newScreening(clientRef));
        values.put(FormDrafts.FIELD, FormDrafts.newScreening(clientRef));
        return form(null, values, Map.of(), 0, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> posted, @CookieParam(Csrf.COOKIE) String csrfCookie) {
        this.csrf.verify(posted.getFirst(Csrf.FIELD), csrfCookie);
        Map<String, String> values = single(posted);
        ScreeningForm.Read read = screenings.read(values);
        try {
            UUID id = screenings.screen(read, blankToNull(values.get("idempotencyKey")));
            return Response.seeOther(URI.create("/ui/screenings/" + id)).build();
        } catch (InvalidRequestException e) {
            Map<String, String> errors = read.errorsByField(e.errors());
            return Response.status(e.status())
                    .entity(form(null, values, errors, errors.size(), null, null))
                    .type(MediaType.TEXT_HTML)
                    .build();
        }
    }

    /** The form page: a new screening, or (amendOf not null) the amendment of the screening amendOf. */
    private TemplateInstance form(
            String amendOf,
            Map<String, String> values,
            Map<String, String> errors,
            int errorCount,
            String reason,
            String reasonError) {
        String key = values.getOrDefault("idempotencyKey", UUID.randomUUID().toString());
        boolean amending = amendOf != null;
        return Templates.form(
                Chrome.of(identity, amending ? "clients" : "new"),
                amending ? "Amend the screening" : "New screening",
                screenings.model(values, errors),
                errorCount,
                amending ? "/ui/screenings/" + amendOf + "/amend" : "/ui/screenings",
                key,
                amending ? "Save as a new version" : "Screen",
                FormDrafts.key(
                        identity.getPrincipal().getName(),
                        amendOf,
                        values,
                        amending ? screeningService.versions(uuid(amendOf)) : java.util.Optional.empty()),
                amendOf,
                reason,
                reasonError);
    }

    @GET
    @Path("{id}")
    public TemplateInstance result(@PathParam("id") String id, @QueryParam("noted") String noted) {
        WebScreenings.Stored stored = screenings.stored(uuid(id)).orElseThrow(NotFoundException::new);
        List<ScreeningService.ScreeningVersion> versions =
                screeningService.versions(uuid(id)).orElse(List.of());
        return Templates.result(
                Chrome.of(identity, "clients"),
                screenings.view(stored, records.of(stored)),
                versions,
                screenings.conclusions(stored.result()),
                "disagreement".equals(noted) ? ScreeningRecords.DISAGREEMENT_NOTED : null,
                ScreeningRecords.latest(versions));
    }

    @GET
    @Path("{id}/amend")
    public TemplateInstance amendForm(@PathParam("id") String id) {
        WebScreenings.Stored stored = screenings.stored(uuid(id)).orElseThrow(NotFoundException::new);
        return form(id, screenings.formValues(stored), Map.of(), 0, null, null);
    }

    @POST
    @Path("{id}/amend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response amend(
            @PathParam("id") String id,
            MultivaluedMap<String, String> posted,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        this.csrf.verify(posted.getFirst(Csrf.FIELD), csrfCookie);
        Map<String, String> values = single(posted);
        ScreeningForm.Read read = screenings.readAmendment(uuid(id), values).orElseThrow(NotFoundException::new);
        String reason = values.get("reason");
        try {
            return Response.seeOther(URI.create("/ui/screenings/" + screenings.amend(uuid(id), reason, read)))
                    .build();
        } catch (InvalidRequestException e) {
            if (e.status() == 409) {
                return superseded(id, values, reason);
            }
            return refusedAmendment(id, values, read, reason, e);
        }
    }

    /**
     * An amendment of a version another amendment already superseded (two amendments of the same version, in two tabs
     * or by two clinicians): the form again, with what was typed, and a message naming the newest version.
     */
    private Response superseded(String id, Map<String, String> values, String reason) {
        return Response.status(409)
                .type(MediaType.TEXT_HTML)
                .entity(form(id, values, Map.of("", records.superseded(uuid(id))), 0, reason, null))
                .build();
    }

    private Response refusedAmendment(
            String id, Map<String, String> values, ScreeningForm.Read read, String reason, InvalidRequestException e) {
        WebScreenings.AmendmentErrors errors = screenings.amendmentErrors(read, e.errors());
        return Response.status(e.status())
                .type(MediaType.TEXT_HTML)
                .entity(form(id, values, errors.byField(), errors.count(), reason, errors.reason()))
                .build();
    }

    /** The unanswered red-flag questions answered from the result page: stored as a new version of the screening. */
    @POST
    @Path("{id}/red-flags")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response completeRedFlags(
            @PathParam("id") String id,
            MultivaluedMap<String, String> posted,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        this.csrf.verify(posted.getFirst(Csrf.FIELD), csrfCookie);
        WebScreenings.Stored stored = screenings.stored(uuid(id)).orElseThrow(NotFoundException::new);
        Map<String, String> fields = single(posted);
        fields.remove(Csrf.FIELD);
        WebScreenings.RedFlagAnswers answers = screenings.redFlagAnswers(stored, fields);
        if (answers.answered() == 0) {
            return Response.seeOther(URI.create("/ui/screenings/" + id)).build();
        }
        ScreeningForm.Read read = screenings.read(answers.values());
        try {
            return Response.seeOther(URI.create("/ui/screenings/" + screenings.amend(uuid(id), answers.reason(), read)))
                    .build();
        } catch (InvalidRequestException e) {
            return refusedAmendment(id, answers.values(), read, answers.reason(), e);
        }
    }

    /** A clinician disagrees with one conclusion of the result and says what they expected. */
    @POST
    @Path("{id}/disagreements")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response disagree(
            @PathParam("id") String id,
            @FormParam("conclusionId") String conclusionId,
            @FormParam("expected") String expected,
            @FormParam("comment") String comment,
            @FormParam(Csrf.FIELD) String csrf,
            @CookieParam(Csrf.COOKIE) String csrfCookie) {
        this.csrf.verify(csrf, csrfCookie);
        disagreements.record(
                uuid(id),
                new DisagreementService.DisagreementRequest(
                        blankToNull(conclusionId), null, blankToNull(expected), blankToNull(comment)));
        return Response.seeOther(URI.create("/ui/screenings/" + id + "?noted=disagreement#disagreements"))
                .build();
    }

    @GET
    @Path("{id}/derivation")
    public TemplateInstance derivation(
            @PathParam("id") String id,
            @QueryParam("conclusion") String conclusion,
            @HeaderParam("HX-Request") String htmx) {
        Screening s = screenings.find(uuid(id)).orElseThrow(NotFoundException::new);
        List<DerivationRow> rows = screenings.derivation(s, conclusion);
        return "true".equals(htmx)
                ? Templates.derivationFragment(rows)
                : Templates.derivation(Chrome.of(identity, "clients"), id, rows);
    }

    @GET
    @Path("{id}/report")
    public TemplateInstance report(@PathParam("id") String id) {
        List<String> whatIf = whatIfs.forScreening(uuid(id))
                .map(w -> io.crosscheck.web.service.WhatIfLines.of(w, 3))
                .orElse(List.of());
        return Templates.report(Chrome.of(identity, "clients"), view(id), whatIf);
    }

    private ResultView view(String id) {
        WebScreenings.Stored stored = screenings.stored(uuid(id)).orElseThrow(NotFoundException::new);
        return screenings.view(stored, records.of(stored));
    }
}
