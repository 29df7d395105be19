-- SMART App Launch 2.x (EHR launch) from CDS Hooks cards. Additive only: a nullable column and new tables, so a
-- node of the previous version keeps running on this schema. Portable between H2 and PostgreSQL.

-- The client_id Crosscheck has at the EHR's authorisation server; null: the EHR client is not registered for SMART.
alter table ehr_client add column smart_client_id varchar(255);

-- The FHIR base URLs an EHR client launches Crosscheck from (the launch's iss). One EHR client per URL, so a
-- launch names its EHR client unambiguously.
create table ehr_smart_server (
    fhir_base  varchar(1000) not null primary key,
    ehr_client varchar(255)  not null references ehr_client (issuer) on delete cascade
);
create index ehr_smart_server_client_idx on ehr_smart_server (ehr_client);

-- Launches under way, between the redirect to the EHR's authorize endpoint and its callback: kept by a digest of
-- the state (never the state itself), bound to the browser by a digest of a cookie, used once, short-lived.
create table smart_launch (
    state_hash     varchar(64)              not null primary key,
    browser_hash   varchar(64)              not null,
    ehr_client     varchar(255)             not null,
    fhir_base      varchar(1000)            not null,
    code_verifier  varchar(128)             not null,
    token_endpoint varchar(1000)            not null,
    token_issuer   varchar(1000)            not null,
    jwks_uri       varchar(1000),
    expires_at     timestamp with time zone not null
);
create index smart_launch_expiry_idx on smart_launch (expires_at);
