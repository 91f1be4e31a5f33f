-- Up Migration

-- Which SnelStart administration and which Tribe account a tenant syncs, as both systems name themselves
-- (`companyInfo.administratieIdentifier`, the CRM's own organisation). A tenant's links point into exactly these
-- two; new credentials are accepted only when they reach the same ones. Null for tenants stored before this:
-- their next accepted configuration fills them in.
ALTER TABLE tenants
  ADD COLUMN snelstart_administratie_id text,
  ADD COLUMN tribe_own_organization_id text;

-- Down Migration

ALTER TABLE tenants
  DROP COLUMN snelstart_administratie_id,
  DROP COLUMN tribe_own_organization_id;
