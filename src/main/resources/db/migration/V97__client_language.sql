-- Issue 25 (a real document): the language a client's take-home sheet is printed in, per client of a clinic (the
-- pseudonymous client reference). No row: English. Set by the clinician on the sheet's edit step or through
-- PUT /api/v1/clients/{ref}/language, audited (client.language); exported and erased with the client
-- (ClientPrivacy). Expand only: the previous application version never reads the table.
create table client_language (
    id         uuid                     not null primary key,
    clinic_id  varchar(64)              not null,
    client_ref varchar(64)              not null,
    language   varchar(8)               not null,
    set_by     varchar(128)             not null,
    set_at     timestamp with time zone not null,
    constraint client_language_client_uq unique (clinic_id, client_ref)
);
