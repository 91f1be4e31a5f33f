-- Up Migration

-- A snapshot's key to its link was checked for every row written, with a plan PostgreSQL caches per
-- connection. Planned before record_links had statistics, it walked the tenant's links by the Tribe-id index
-- (the same estimate as the primary key): 3 ms a snapshot at 10,000 links, growing with the administration.
-- Snapshots are only written next to their links and links are never deleted on their own, so the key to the
-- tenant keeps what the old one gave: snapshots go when their tenant goes.
ALTER TABLE record_snapshots DROP CONSTRAINT record_snapshots_tenant_id_entity_snelstart_id_fkey;
ALTER TABLE record_snapshots
  ADD CONSTRAINT record_snapshots_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id) ON DELETE CASCADE;

-- Down Migration

ALTER TABLE record_snapshots DROP CONSTRAINT record_snapshots_tenant_id_fkey;
ALTER TABLE record_snapshots
  ADD CONSTRAINT record_snapshots_tenant_id_entity_snelstart_id_fkey FOREIGN KEY (tenant_id, entity, snelstart_id)
  REFERENCES record_links ON DELETE CASCADE;
