-- Issue 24 (proposals in the web UI): a proposal carries its proposer's summary, the version that served when it
-- was proposed (what "changed" is measured against) and, once rejected, who rejected it, when and why. Every
-- comment, approval comment and rejection reason is kept in the proposal's thread. Expand only: the previous
-- application version neither reads nor writes the new columns and table.
alter table kb_proposal add column summary varchar(300);
alter table kb_proposal add column base_version varchar(64);
alter table kb_proposal add column rejected_at timestamp with time zone;
alter table kb_proposal add column rejected_by varchar(128);
alter table kb_proposal add column rejection_reason varchar(4000);

create table kb_proposal_comment (
    id         uuid                     not null primary key,
    version    varchar(64)              not null references kb_proposal (version),
    author     varchar(128)             not null,
    written_at timestamp with time zone not null,
    kind       varchar(16)              not null,
    text       varchar(4000)            not null
);

create index kb_proposal_comment_version_idx on kb_proposal_comment (version, written_at);
