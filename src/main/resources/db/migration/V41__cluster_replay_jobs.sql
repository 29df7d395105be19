-- Issue 13 (cluster): replay jobs and their progress are stored, so any node reports on any job, and a
-- job whose node stopped (no heartbeat for crosscheck.replay.stale-after) is marked failed, never lost.
-- Expand only: a new table the previous application version does not know of.
create table replay_job (
    id                varchar(36)              not null primary key,
    clinic_id         varchar(64)              not null,
    state             varchar(16)              not null,
    processed         bigint                   not null,
    total             bigint,
    started_at        timestamp with time zone not null,
    finished_at       timestamp with time zone,
    candidate         varchar(512)             not null,
    candidate_version varchar(64)              not null,
    filter_json       varchar                  not null,
    report_json       varchar,
    error             varchar(1000),
    node              varchar(128)             not null,
    heartbeat_at      timestamp with time zone not null
);
create index replay_job_state_idx on replay_job (state, heartbeat_at);
create index replay_job_started_idx on replay_job (started_at);
