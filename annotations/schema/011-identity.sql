-- copydesk schema, migration 11: who really made each edit.  On a shared
-- database the editor's name is the login of the real Unix user running
-- copydesk; the real uid is kept beside it, since a name can be reused or
-- renamed and a uid is what the kernel vouches for.  Written by every append
-- to the edit log (desk_log, an import's rows, imported claim history: the
-- uid of whoever ran the import).  NULL on rows written before this
-- migration.
ALTER TABLE edit_log ADD COLUMN uid INTEGER;
