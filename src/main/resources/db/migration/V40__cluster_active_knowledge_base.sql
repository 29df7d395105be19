-- Issue 13 (cluster): the database is the source of truth for which knowledge-base version serves.
-- Expand only (new tables, nothing dropped, renamed or tightened), so the previous application version
-- keeps running on this schema during a rolling upgrade: it neither reads nor writes these tables.

-- The one active version for the whole deployment. generation grows by one at every activation; nodes
-- compare (version, generation) with what they serve, every crosscheck.cluster.poll-interval.
create table kb_active (
    id           integer                  not null primary key,
    version      varchar(64),
    generation   bigint                   not null,
    activated_at timestamp with time zone,
    activated_by varchar(128)
);
insert into kb_active (id, version, generation) values (1, null, 0);

-- Uploaded and validated candidates waiting to be activated (and, when crosscheck.cluster.require-approval
-- is on, for a second author's approval). Once activated a version is in kb_version as before.
create table kb_proposal (
    version     varchar(64)              not null primary key,
    proposed_at timestamp with time zone not null,
    proposed_by varchar(128)             not null,
    origin      varchar(512)             not null,
    rule_count  integer                  not null,
    files_json  varchar                  not null,
    approved_at timestamp with time zone,
    approved_by varchar(128)
);
