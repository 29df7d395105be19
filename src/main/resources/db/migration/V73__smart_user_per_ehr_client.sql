-- A SMART clinician is now one user per registered EHR client: ehr:<digest of the id_token issuer and the EHR
-- client>:<sub>. The users created before were keyed by the id_token issuer and sub only, so two EHR clients sharing
-- an authorisation server shared one user, moved to the clinic of whichever launched last; which clinic each of its
-- sign-ins belonged to cannot be told afterwards. They are retired: kept (audit entries and screenings name them),
-- with no role, so they open nothing and no session of theirs is honoured; the clinician's next launch creates the
-- user of their EHR client, in its clinic. Every ehr: user in the table at this point is such a user (users of other
-- kinds cannot have the prefix: a created user's name allows no colon). Portable between H2 and PostgreSQL.
update app_user set roles = '' where username like 'ehr:%';
