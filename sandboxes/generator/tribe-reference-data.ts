import { OWN_ORGANISATION } from './own-organisation';
import type { CodedEntity, TribeSeed, VatGroupEntity } from './tribe-seed';
import { TRIBE_IDS } from './well-known-ids';

/** Tribe datastores, the tenant's own organisation and its identity: the CRM's fixed data. */

const CUSTOMER_SET = 'Relationship_Organization_CommercialRelationship_Customer';
const SUPPLIER_SET = 'Relationship_Organization_Supplier';
const PROSPECT_SET = 'Relationship_Organization_CommercialRelationship_Prospect';

export function tribeReferenceSeed(timestamp: string): TribeSeed {
  const base = { CreationDate: timestamp, LastMutationDate: timestamp, IsActive: true };
  const coded = (ID: string, Code: string, Name: string): CodedEntity => ({ ID, ...base, Name, Code });
  const vat = (ID: string, Code: string, Name: string, Percentage: number): VatGroupEntity => ({
    ...coded(ID, Code, Name),
    Percentage,
  });
  const { vatGroup, ledgerAccount, addressType, relationshipType, country, unit, productGroup } = TRIBE_IDS;
  const own = OWN_ORGANISATION;

  return {
    Relation_Organization: [
      {
        ID: TRIBE_IDS.ownOrganization,
        ...base,
        Name: own.name,
        PhoneNumber: own.phone,
        EmailAddress: own.email,
        Website: own.website,
        VATNumber: own.vatNumber,
        ChamberOfCommerceNumber: own.cocNumber,
        DebtorNumber: null,
        CreditorNumber: null,
        IBAN: own.iban,
        BIC: own.bic,
        VisitingAddress: { ID: TRIBE_IDS.ownVisitingAddress },
        PostalAddress: null,
      },
    ],
    Address: [
      {
        ID: TRIBE_IDS.ownVisitingAddress,
        ...base,
        Street: own.address.street,
        HouseNumber: own.address.houseNumber,
        HouseNumberSuffix: own.address.suffix,
        Postalcode: own.address.postcode,
        City: own.address.city,
        Country: { ID: country.NL },
        AddressType: { ID: addressType.visiting },
        Organization: { ID: TRIBE_IDS.ownOrganization },
      },
    ],
    Relationship_Organization_Identity: [
      { ID: TRIBE_IDS.identity, ...base, Name: own.name, Relation: { ID: TRIBE_IDS.ownOrganization } },
    ],
    Relationship_Organization_CommercialRelationship_Customer: [],
    Relationship_Organization_Supplier: [],
    Relationship_Organization_CommercialRelationship_Prospect: [],
    Product: [],
    ProductGroup: [
      coded(productGroup.hardware, 'HW', 'Hardware'),
      coded(productGroup.software, 'SW', 'Software en licenties'),
      coded(productGroup.services, 'DIENST', 'Diensten'),
      coded(productGroup.maintenance, 'ONDERHOUD', 'Onderhoud en contracten'),
      coded(productGroup.consumables, 'VERBRUIK', 'Verbruiksartikelen'),
      coded(productGroup.food, 'FOOD', 'Food en dranken'),
    ],
    Datastore_Unit: [
      coded(unit.piece, 'stuk', 'Stuk'),
      coded(unit.hour, 'uur', 'Uur'),
      coded(unit.kilogram, 'kg', 'Kilogram'),
      coded(unit.metre, 'm', 'Meter'),
      coded(unit.box, 'doos', 'Doos'),
    ],
    Datastore_GeneralLedgerAccount: [
      coded(ledgerAccount.revenueHigh, '8000', 'Omzet hoog'),
      coded(ledgerAccount.revenueLow, '8010', 'Omzet laag'),
      coded(ledgerAccount.revenueReverseCharge, '8020', 'Omzet verlegd'),
      coded(ledgerAccount.revenueExempt, '8030', 'Omzet geen btw'),
      coded(ledgerAccount.revenueServices, '8200', 'Omzet diensten'),
    ],
    Datastore_Country: [
      coded(country.NL, 'NL', 'Nederland'),
      coded(country.BE, 'BE', 'België'),
      coded(country.DE, 'DE', 'Duitsland'),
      coded(country.FR, 'FR', 'Frankrijk'),
      coded(country.GB, 'GB', 'Verenigd Koninkrijk'),
      coded(country.LU, 'LU', 'Luxemburg'),
      coded(country.AT, 'AT', 'Oostenrijk'),
      coded(country.ES, 'ES', 'Spanje'),
      coded(country.IT, 'IT', 'Italië'),
      coded(country.DK, 'DK', 'Denemarken'),
      coded(country.SE, 'SE', 'Zweden'),
      coded(country.PL, 'PL', 'Polen'),
      coded(country.CH, 'CH', 'Zwitserland'),
      coded(country.IE, 'IE', 'Ierland'),
      coded(country.PT, 'PT', 'Portugal'),
      coded(country.US, 'US', 'Verenigde Staten'),
    ],
    Datastore_VatGroup: [
      vat(vatGroup.high21, 'NL21', 'NL - 21%', 21),
      vat(vatGroup.low9, 'NL9', 'NL - 9%', 9),
      vat(vatGroup.zero0, 'NL0', 'NL - 0%', 0),
      vat(vatGroup.reverseCharge, 'NLVERLEGD', 'NL - btw verlegd', 0),
    ],
    Datastore_AdressType: [
      coded(addressType.visiting, 'Visiting', 'Bezoekadres'),
      coded(addressType.postal, 'Postal', 'Postadres'),
      coded(addressType.invoice, 'Invoice', 'Factuuradres'),
    ],
    Datastore_RelationshipType: [
      coded(relationshipType.customer, CUSTOMER_SET, 'Klant'),
      coded(relationshipType.supplier, SUPPLIER_SET, 'Leverancier'),
      coded(relationshipType.prospect, PROSPECT_SET, 'Prospect'),
    ],
    Datastore_Phase_ActivityInvoice: [
      coded(TRIBE_IDS.invoicePhase.draft, 'Draft', 'Concept'),
      coded(TRIBE_IDS.invoicePhase.sent, 'Sent', 'Verstuurd'),
      coded(TRIBE_IDS.invoicePhase.paid, 'Paid', 'Betaald'),
    ],
    Datastore_Phase_ActivitySalesOrder: [
      coded(TRIBE_IDS.salesOrderPhase.open, 'Open', 'Open'),
      coded(TRIBE_IDS.salesOrderPhase.linked, 'Linked', 'Gekoppeld'),
      coded(TRIBE_IDS.salesOrderPhase.delivered, 'Delivered', 'Geleverd'),
    ],
    Datastore_Phase_ActivitySubscription: [
      coded(TRIBE_IDS.subscriptionPhase.draft, 'Draft', 'Concept'),
      coded(TRIBE_IDS.subscriptionPhase.active, 'Active', 'Actief'),
      coded(TRIBE_IDS.subscriptionPhase.stopped, 'Stopped', 'Gestopt'),
    ],
    Activity_Subscription: [],
    Activity_Invoice: [],
    Activity_SalesOrder: [],
    ProductLine: [],
    Attachment: [],
  };
}
