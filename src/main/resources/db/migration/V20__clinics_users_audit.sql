-- Issue 10: clinics, users (quarkus-security-jpa, bcrypt), a clinic on every screening, idempotency keys,
-- and the HMAC-chained audit log. Portable between H2 and PostgreSQL.
create table clinic (
    id   varchar(64)  not null primary key,
    name varchar(200) not null
);
insert into clinic (id, name) values ('default', 'Default clinic');

create table app_user (
    id         bigint       not null primary key,
    username   varchar(64)  not null unique,
    password   varchar(100) not null,
    roles      varchar(200) not null,
    clinic_id  varchar(64)  not null references clinic (id),
    created_at timestamp with time zone not null
);
create sequence app_user_seq start with 1 increment by 50;

alter table screening add column clinic_id varchar(64) default 'default' not null;
alter table screening add column idempotency_key varchar(128);
create unique index screening_idempotency_idx on screening (clinic_id, idempotency_key);
create index screening_clinic_idx on screening (clinic_id, client_ref);

-- Audit entries are written unsealed (seq null) in the transaction of what they record, so writers never
-- wait on one another; a single sealer assigns seq and the HMAC chain in insertion order.
create table audit_entry (
    id          uuid                     not null primary key,
    recorded_at timestamp with time zone not null,
    actor       varchar(128)             not null,
    clinic_id   varchar(64),
    action      varchar(64)              not null,
    subject     varchar(200),
    kb_version  varchar(64),
    address     varchar(64),
    detail      varchar(500),
    seq         bigint unique,
    prev_hash   varchar(64),
    hash        varchar(64)
);
create index audit_entry_pending_idx on audit_entry (seq, recorded_at);
create index audit_entry_time_idx on audit_entry (recorded_at);

-- The chain head, checkpointed after each sealing (with an HMAC so it cannot be rewound or forged).
create table audit_checkpoint (
    id         integer                  not null primary key,
    seq        bigint                   not null,
    hash       varchar(64)              not null,
    sealed_at  timestamp with time zone not null,
    mac        varchar(64)              not null
);
