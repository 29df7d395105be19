-- Issue 11: EHR integration (CDS Hooks 2.0, FHIR R4). Portable between H2 and PostgreSQL.

-- EHR clients allowed to call the CDS services: the JWT issuer, the clinic its screenings belong to, its
-- keys (a JWKS URL or a stored JWKS) and the FHIR servers Crosscheck may fetch missing data from.
create table ehr_client (
    issuer       varchar(255)             not null primary key,
    clinic_id    varchar(64)              not null references clinic (id),
    jwks_url     varchar(1000),
    jwks         varchar(20000),
    fhir_servers varchar(2000),
    created_at   timestamp with time zone not null,
    created_by   varchar(128)             not null
);

-- JWT ids already used, per issuer, kept until the token expires: a replayed token is refused. In the
-- database so every node of a cluster sees the same set.
create table cds_jti (
    issuer     varchar(255)             not null,
    jti        varchar(255)             not null,
    expires_at timestamp with time zone not null,
    primary key (issuer, jti)
);
create index cds_jti_expiry_idx on cds_jti (expires_at);

-- The CDS Hooks call behind a stored screening: service, hook, hook instance, EHR client.
create table cds_invocation (
    screening_id  uuid                     not null primary key references screening (id) on delete cascade,
    service_id    varchar(64)              not null,
    hook          varchar(64)              not null,
    hook_instance varchar(128)             not null,
    ehr_client    varchar(255)             not null,
    clinic_id     varchar(64)              not null,
    created_at    timestamp with time zone not null
);
create index cds_invocation_instance_idx on cds_invocation (clinic_id, hook_instance);

-- Every card returned, so feedback on a card is attributed to the rule behind it.
create table cds_card (
    card_uuid    varchar(64)  not null primary key,
    screening_id uuid         not null references screening (id) on delete cascade,
    clinic_id    varchar(64)  not null,
    kind         varchar(32)  not null,
    rule_id      varchar(32)  not null
);
create index cds_card_rule_idx on cds_card (clinic_id, rule_id);

-- Feedback on cards (CDS Hooks feedback endpoint): kept when a client's screenings are erased (no
-- clinical content; the comment is the clinician's).
create table cds_feedback (
    id                uuid                     not null primary key,
    card_uuid         varchar(64)              not null,
    rule_id           varchar(32)              not null,
    clinic_id         varchar(64)              not null,
    service_id        varchar(64)              not null,
    ehr_client        varchar(255)             not null,
    outcome           varchar(16)              not null,
    reason_system     varchar(255),
    reason_code       varchar(128),
    reason_display    varchar(255),
    user_comment      varchar(1000),
    accepted          varchar(1000),
    outcome_at        timestamp with time zone not null,
    received_at       timestamp with time zone not null
);
create index cds_feedback_rule_idx on cds_feedback (clinic_id, rule_id);
