import { CUSTOMER_SET, PROSPECT_SET, SUPPLIER_SET } from './entity-sets';

type Row = Record<string, string | number>;

/**
 * What a fresh Tribe environment with the Dutch accounting defaults holds. A seed that leaves one of these
 * sets out gets these rows.
 */
export const DEFAULT_DATASTORES: Readonly<Record<string, readonly Row[]>> = {
  Datastore_VatGroup: [
    { Code: 'NL-21', Name: 'NL - 21%', Percentage: 21 },
    { Code: 'NL-9', Name: 'NL - 9%', Percentage: 9 },
    { Code: 'NL-0', Name: 'NL - 0%', Percentage: 0 },
    { Code: 'NL-VERLEGD', Name: 'NL - BTW verlegd', Percentage: 0 },
  ],
  Datastore_GeneralLedgerAccount: [
    { Code: '8000', Name: 'Omzet hoog' },
    { Code: '8010', Name: 'Omzet laag' },
    { Code: '8020', Name: 'Omzet nul' },
    { Code: '8030', Name: 'Omzet verlegd' },
    { Code: '8100', Name: 'Omzet diensten' },
  ],
  Datastore_Unit: [
    { Code: 'STUK', Name: 'Stuk' },
    { Code: 'UUR', Name: 'Uur' },
    { Code: 'DAG', Name: 'Dag' },
    { Code: 'MAAND', Name: 'Maand' },
    { Code: 'KG', Name: 'Kilogram' },
  ],
  Datastore_Country: [
    { Code: 'NL', Name: 'Nederland' },
    { Code: 'BE', Name: 'België' },
    { Code: 'DE', Name: 'Duitsland' },
    { Code: 'FR', Name: 'Frankrijk' },
    { Code: 'LU', Name: 'Luxemburg' },
    { Code: 'GB', Name: 'Verenigd Koninkrijk' },
  ],
  Datastore_AdressType: [
    { Code: 'Visiting', Name: 'Bezoekadres' },
    { Code: 'Postal', Name: 'Postadres' },
    { Code: 'Invoice', Name: 'Factuuradres' },
  ],
  Datastore_RelationshipType: [
    { Code: CUSTOMER_SET, Name: 'Klant' },
    { Code: SUPPLIER_SET, Name: 'Leverancier' },
    { Code: PROSPECT_SET, Name: 'Prospect' },
  ],
  Datastore_Phase_ActivityInvoice: [
    { Code: 'Draft', Name: 'Concept' },
    { Code: 'Sent', Name: 'Verstuurd' },
    { Code: 'Paid', Name: 'Betaald' },
  ],
  Datastore_Phase_ActivitySalesOrder: [
    { Code: 'Open', Name: 'Open' },
    { Code: 'Linked', Name: 'Gekoppeld' },
    { Code: 'Delivered', Name: 'Geleverd' },
  ],
  Datastore_Phase_ActivitySubscription: [
    { Code: 'Draft', Name: 'Concept' },
    { Code: 'Active', Name: 'Actief' },
    { Code: 'Stopped', Name: 'Gestopt' },
  ],
  ProductGroup: [
    { Code: 'ALG', Name: 'Algemeen' },
    { Code: 'DIENST', Name: 'Diensten' },
    { Code: 'HW', Name: 'Hardware' },
  ],
};

export const DEFAULT_OWN_ORGANIZATION_NAME = 'Eigen Organisatie B.V.';
