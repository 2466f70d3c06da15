-- copydesk schema, migration 12: the user list and its roles (see the
-- README's "Roles" and copydesk(1) USERS AND ROLES).
--
-- A chief changes the label set and the verdict scale, adjudicates, overturns
-- a review and keeps this list; an editor changes only their own spans and
-- claims.  The creator of the database is its first chief: the migration's
-- step writes that row ('creator'), for a database made before this
-- migration the editor of its first edit-log entry (else the one opening it).
-- The list is in force once a chief has added someone ('added', kept when
-- that user is removed): from then on an editor not on it is refused at open.
-- Removed users keep their row (removed_by, removed_at) like a deleted span;
-- every change is in the edit log ('user-add', 'user-role', 'user-remove').

CREATE TABLE IF NOT EXISTS users (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (name <> ''),
    role       TEXT NOT NULL CHECK (role IN ('editor', 'chief')),
    how        TEXT NOT NULL CHECK (how IN ('creator', 'added')),
    added_by   TEXT NOT NULL,
    added_at   TEXT NOT NULL,
    removed_by TEXT,
    removed_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS users_name ON users (name) WHERE removed_at IS NULL;
CREATE INDEX IF NOT EXISTS users_added ON users (how);
