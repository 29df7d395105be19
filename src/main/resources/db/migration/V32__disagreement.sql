-- Web UI backend: a physiotherapist's disagreement with one conclusion of a screening, for rule authors.
-- No foreign key to screening: like CDS card feedback, it is kept when a client's screenings are erased,
-- and it holds no client reference.
create table disagreement (
    id             uuid                     not null primary key,
    screening_id   uuid                     not null,
    clinic_id      varchar(64)              not null,
    username       varchar(128)             not null,
    kb_version     varchar(64)              not null,
    rule_id        varchar(32)              not null,
    conclusion_id  varchar(64),
    expected       varchar(500)             not null,
    user_comment   varchar(2000),
    created_at     timestamp with time zone not null
);
create index disagreement_rule_idx on disagreement (rule_id, created_at);
create index disagreement_screening_idx on disagreement (clinic_id, screening_id);
