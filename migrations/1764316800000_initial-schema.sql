-- Up Migration

CREATE TABLE tenants (
  id               text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  status           text NOT NULL CHECK (status IN ('activating', 'active', 'paused', 'deactivated')),
  config           jsonb NOT NULL,             -- mappings, mode, limits: never secrets
  snelstart_package text,
  administratie_naam text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  activated_at     timestamptz,
  deactivated_at   timestamptz
);

-- Credentials are stored encrypted (AES-256-GCM); the key lives outside the database.
CREATE TABLE tenant_credentials (
  tenant_id   text PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  key_id      text NOT NULL,
  iv          bytea NOT NULL,
  auth_tag    bytea NOT NULL,
  ciphertext  bytea NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per SnelStart record linked to a Tribe record. A Klant and a Leverancier of one
-- organisation are two rows pointing at the same Tribe organisation.
CREATE TABLE record_links (
  tenant_id      text NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  entity         text NOT NULL CHECK (entity IN ('relation', 'product')),
  snelstart_id   uuid NOT NULL,
  tribe_id       uuid NOT NULL,
  role           text,                        -- Klant | Leverancier for relations
  snelstart_code text,                        -- relatiecode / artikelcode
  matched_by     text NOT NULL,               -- linked | number | name-address | created-in-tribe | created-in-snelstart
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, entity, snelstart_id)
);
CREATE INDEX record_links_tribe ON record_links (tenant_id, entity, tribe_id);

-- The field values both sides agreed on after the last sync: the base of the three-way merge,
-- and the fingerprint that recognises the sync's own writes when they come back.
CREATE TABLE record_snapshots (
  tenant_id     text NOT NULL,
  entity        text NOT NULL,
  snelstart_id  uuid NOT NULL,
  fields        jsonb NOT NULL,
  fingerprint   text NOT NULL,
  snelstart_modified_on text,
  tribe_last_mutation   timestamptz,
  synced_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, entity, snelstart_id),
  FOREIGN KEY (tenant_id, entity, snelstart_id) REFERENCES record_links ON DELETE CASCADE
);

CREATE TABLE sync_cursors (
  tenant_id  text NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  stream     text NOT NULL,                   -- e.g. snelstart.relaties, tribe.organizations
  position   text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, stream)
);

-- Resumable initial sync: the last completed batch per entity.
CREATE TABLE sync_progress (
  tenant_id    text NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  phase        text NOT NULL,                 -- relations | products
  next_offset  integer NOT NULL DEFAULT 0,
  done         integer NOT NULL DEFAULT 0,
  total        integer,
  completed_at timestamptz,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, phase)
);

CREATE TABLE record_failures (
  id              bigserial PRIMARY KEY,
  tenant_id       text NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  entity          text NOT NULL,              -- relation | product | invoice | sales_order
  source          text NOT NULL CHECK (source IN ('snelstart', 'tribe')),
  record_id       text NOT NULL,
  operation       text NOT NULL,
  reason          text NOT NULL,              -- what a person can act on
  details         jsonb,
  attempts        integer NOT NULL DEFAULT 1,
  first_failed_at timestamptz NOT NULL DEFAULT now(),
  last_failed_at  timestamptz NOT NULL DEFAULT now(),
  retry_requested_at timestamptz,
  resolved_at     timestamptz
);
CREATE UNIQUE INDEX record_failures_open ON record_failures (tenant_id, entity, source, record_id)
  WHERE resolved_at IS NULL;

CREATE TABLE tenant_warnings (
  tenant_id   text NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  code        text NOT NULL,
  subject     text NOT NULL DEFAULT '',
  message     text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  PRIMARY KEY (tenant_id, code, subject)
);

-- Exactly-once bookkeeping for invoices and sales orders sent to SnelStart.
CREATE TABLE document_bookings (
  tenant_id       text NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  kind            text NOT NULL CHECK (kind IN ('invoice', 'sales_order')),
  tribe_id        uuid NOT NULL,
  number          text NOT NULL,
  snelstart_id    uuid,                       -- verkoopboeking / verkooporder id
  document_id     uuid,
  mandate_id      uuid,
  status          text NOT NULL CHECK (status IN ('pending', 'booked', 'documented', 'failed')),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, kind, tribe_id)
);

CREATE TABLE audit_log (
  id         bigserial PRIMARY KEY,
  tenant_id  text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now(),
  kind       text NOT NULL,                   -- activated | paused | conflict | created | ...
  entity     text,
  record_id  text,
  message    text NOT NULL,
  details    jsonb
);
CREATE INDEX audit_log_tenant_at ON audit_log (tenant_id, at DESC);

-- Down Migration

DROP TABLE audit_log;
DROP TABLE document_bookings;
DROP TABLE tenant_warnings;
DROP TABLE record_failures;
DROP TABLE sync_progress;
DROP TABLE sync_cursors;
DROP TABLE record_snapshots;
DROP TABLE record_links;
DROP TABLE tenant_credentials;
DROP TABLE tenants;
