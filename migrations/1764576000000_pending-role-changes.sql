-- Up Migration

-- A role Tribe gave an organisation while its tenant was paused. Giving a role does not change the organisation,
-- so the cycles, which read changed organisations, never see it: the role's webhook is its only notice, kept
-- here until the first cycle after the tenant resumes.
CREATE TABLE pending_role_changes (
  tenant_id        text NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  entity_type      text NOT NULL,
  relationship_id  text NOT NULL,
  received_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, entity_type, relationship_id)
);

-- Down Migration

DROP TABLE pending_role_changes;
