-- Up Migration

-- A SnelStart artikel about to be created as a Tribe product, written before the creates of a page and removed
-- once the page is linked. One left behind means Tribe may hold a product (ImportId snelstart:artikel:<id>)
-- that was never linked: the next run, whichever cycle it is, looks it up before creating.
CREATE TABLE product_create_intents (
  tenant_id     text NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  snelstart_id  uuid NOT NULL,
  started_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, snelstart_id)
);

-- Down Migration

DROP TABLE product_create_intents;
