package io.crosscheck.web.service;

import io.crosscheck.authoring.cornerstone.CornerstoneHold;
import io.crosscheck.authoring.cornerstone.CornerstoneViews;
import io.crosscheck.authoring.service.ProposalViews;
import io.crosscheck.authoring.service.ProposalViews.Changes;
import io.crosscheck.authoring.service.ProposalViews.CommentView;
import io.crosscheck.authoring.service.ProposalViews.ProposalView;
import io.crosscheck.authoring.service.ProposalWorkflow;
import io.crosscheck.knowledge.service.VersionDiff;
import io.crosscheck.knowledge.service.VersionLabels;
import io.crosscheck.knowledge.service.VersionLabels.VersionLabel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the authors' proposal pages show: every stored version with its label and status, and one version (a
 * proposal or one that went live without one) with what it changed as coloured diff lines, its thread and the
 * review steps the signed-in author may take on it now, and what it does to the cornerstone cases side by side.
 */
@ApplicationScoped
public class WebProposals {

    /** A row of the list: the label's parts, the status and its CSS class. */
    public record Row(
            String version,
            String shortHash,
            String when,
            String author,
            String summary,
            String status,
            boolean proposal) {
        public String statusClass() {
            return status.replace(' ', '-');
        }
    }

    /** One entry of the thread, its time as the pages write times. */
    public record Entry(String author, String when, String kind, String text) {}

    /** One line of a file's diff: {@code kind} add, del or hunk (the {@code @@} header). */
    public record DiffLine(String kind, String text) {}

    /** A changed file as lines. */
    public record FileDiff(String path, int added, int removed, List<DiffLine> lines) {}

    /** The steps the signed-in author may take now; {@code blocked}: why activating is not allowed. */
    public record Steps(
            boolean approve,
            boolean reject,
            boolean repropose,
            boolean comment,
            boolean activate,
            String blocked,
            boolean approvalRequired) {}

    /** One stored version's page. */
    public record Page(
            VersionLabel label,
            String when,
            String status,
            ProposalView proposal,
            Changes changes,
            List<FileDiff> files,
            List<Entry> thread,
            Steps steps,
            String active,
            String activeLabel,
            CornerstoneViews.Changes cornerstones) {
        public String statusClass() {
            return status.replace(' ', '-');
        }
    }

    private final ProposalViews views;
    private final ProposalWorkflow workflow;
    private final VersionLabels labels;
    private final CornerstoneHold cornerstones;

    WebProposals(ProposalViews views, ProposalWorkflow workflow, VersionLabels labels, CornerstoneHold cornerstones) {
        this.cornerstones = cornerstones;
        this.views = views;
        this.workflow = workflow;
        this.labels = labels;
    }

    /** Every stored version, newest first. */
    public List<Row> rows() {
        return views.history().stream()
                .map(r -> new Row(
                        r.version(),
                        r.label().shortHash(),
                        VersionLabels.WHEN.format(r.label().at()),
                        r.label().author(),
                        r.label().summary(),
                        r.status(),
                        r.proposal()))
                .toList();
    }

    public boolean approvalRequired() {
        return workflow.approvalRequired();
    }

    /** A stored version's page as {@code user} sees it; empty when the version is not stored. */
    public Optional<Page> page(String version, String user) {
        Optional<VersionLabel> label = labels.find(version);
        if (label.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProposalView> proposal = views.get(version);
        String status = proposal.map(ProposalView::status)
                .orElseGet(() -> views.liveStatus(version).orElse(ProposalViews.WAS_LIVE));
        Changes changes = proposal.map(ProposalView::changes)
                .or(() -> views.changes(version))
                .orElse(null);
        String active = views.active();
        return Optional.of(new Page(
                label.get(),
                VersionLabels.WHEN.format(label.get().at()),
                status,
                proposal.orElse(null),
                changes,
                changes == null ? List.of() : files(changes.filesChanged()),
                proposal.map(ProposalView::comments).orElse(List.<CommentView>of()).stream()
                        .map(c -> new Entry(c.author(), WebScreenings.WHEN.format(c.at()), c.kind(), c.text()))
                        .toList(),
                steps(proposal.orElse(null), status, user),
                active,
                active == null ? null : labels.text(active),
                proposal.map(ProposalView::cornerstones)
                        .or(() -> cornerstones.changes(version))
                        .orElse(null)));
    }

    private Steps steps(ProposalView p, String status, String user) {
        boolean approvalRequired = workflow.approvalRequired();
        if (p == null) {
            return new Steps(false, false, false, false, false, null, approvalRequired);
        }
        boolean open = status.equals(ProposalViews.PROPOSED);
        boolean rejected = status.equals(ProposalViews.REJECTED);
        boolean active = status.equals(ProposalViews.ACTIVE);
        return new Steps(
                open && !p.proposedBy().equals(user),
                !rejected && !active,
                rejected,
                true,
                p.activatable() && !active,
                p.notActivatableBecause(),
                approvalRequired);
    }

    static List<FileDiff> files(List<VersionDiff.FileChange> changed) {
        List<FileDiff> files = new ArrayList<>();
        for (VersionDiff.FileChange f : changed) {
            List<DiffLine> lines = new ArrayList<>();
            int added = 0;
            int removed = 0;
            for (String hunk : f.hunks()) {
                for (String line : hunk.split("\n")) {
                    if (line.startsWith("@@")) {
                        lines.add(new DiffLine("hunk", line));
                    } else if (line.startsWith("+")) {
                        added++;
                        lines.add(new DiffLine("add", line));
                    } else if (line.startsWith("-")) {
                        removed++;
                        lines.add(new DiffLine("del", line));
                    }
                }
            }
            files.add(new FileDiff(f.path(), added, removed, lines));
        }
        return files;
    }
}
