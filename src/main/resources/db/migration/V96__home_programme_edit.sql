-- Issue 25 (the clinician edits before printing): what the clinician chose for a screening's take-home sheet:
-- which home exercises go home, the dose of each in the client's words, and a personal note. Versioned like an
-- amendment: every save is a new row with the next version number; earlier versions are kept. Erased with the
-- client (ClientDataHolder). Expand only: the previous application version never reads the table.
create table home_programme_edit (
    id           uuid                     not null primary key,
    screening_id uuid                     not null references screening (id),
    clinic_id    varchar(64)              not null,
    version_no   integer                  not null,
    items_json   varchar                  not null,
    note         varchar(1000),
    edited_by    varchar(128)             not null,
    edited_at    timestamp with time zone not null,
    constraint home_programme_edit_version_uq unique (screening_id, version_no)
);
