-- Up Migration

-- A relatie about to be created in SnelStart for a Tribe organisation, written before the request and
-- removed once the new relatie is linked. One left behind means SnelStart may hold a relatie that was never
-- linked (the worker or the database went away in between): the next attempt looks for it before creating.
CREATE TABLE relatie_create_intents (
  tenant_id   text NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  tribe_id    uuid NOT NULL,
  role        text NOT NULL CHECK (role IN ('Klant', 'Leverancier')),
  naam        text NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, tribe_id, role)
);

-- Down Migration

DROP TABLE relatie_create_intents;
