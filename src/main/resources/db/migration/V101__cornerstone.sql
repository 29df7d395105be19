-- Issue 28, cornerstone cases: a clinician's disagreement or a CDS card override promoted by an author into a case
-- that every candidate knowledge base is checked against. The request is pseudonymised when it is promoted (no
-- client reference, no free text, no screening id, dates coarsened, ages over 90 as 90); no foreign key to the
-- screening, the disagreement or the feedback, so the case is kept when a client's screenings are erased.
create table cornerstone (
    id               uuid                     not null primary key,
    origin           varchar(16)              not null,
    origin_id        uuid                     not null,
    rule_ids         varchar(1000)            not null,
    request_json     varchar                  not null,
    expected         varchar(500)             not null,
    decided_by       varchar(255)             not null,
    decided_in       varchar(7)               not null,
    decision_reason  varchar(255),
    promoted_by      varchar(128)             not null,
    promoted_at      timestamp with time zone not null,
    reason           varchar(2000)            not null,
    kb_version       varchar(64)              not null,
    conclusion_json  varchar                  not null,
    fired            varchar                  not null,
    status           varchar(32)              not null,
    accepted_by      varchar(128),
    accepted_at      timestamp with time zone,
    accepted_reason  varchar(2000),
    retired_by       varchar(128),
    retired_at       timestamp with time zone,
    retired_reason   varchar(2000)
);
create unique index cornerstone_origin_idx on cornerstone (origin, origin_id);
create index cornerstone_status_idx on cornerstone (status, promoted_at);
