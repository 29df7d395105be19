-- Signing out of the web UI ends the user's sessions on every node: the sessions are encrypted cookies (no server
-- state), so a cookie issued at or before revoked_before (epoch milliseconds) is refused from then on
-- (io.crosscheck.web.session). Additive only: a node of the previous version ignores the table.
create table web_session_revocation (
    username       varchar(255) not null primary key,
    revoked_before bigint       not null
);
