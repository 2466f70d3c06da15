-- copydesk schema, migration 5: indexes for deleting an entity
-- (desk_entity_delete).  Deleting an entity row makes SQLite look for the
-- rows that still refer to it (span.entity_id, also of deleted spans, and
-- entity.merged_into), and the deletion records those spans for undo; the
-- index of migration 2 holds standing spans only, so each of these was a scan
-- of every span inside the write lock.  (Numbered 5 to leave 4 to the
-- sentence index's migration of the same issue.)

CREATE INDEX span_entity_any ON span (entity_id) WHERE entity_id IS NOT NULL;
CREATE INDEX entity_merged ON entity (merged_into) WHERE merged_into IS NOT NULL;
