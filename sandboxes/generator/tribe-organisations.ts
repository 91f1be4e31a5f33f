import type { CountryCode } from './well-known-ids';
import type { Random } from './random';
import type { OrganizationEntity, TribeSeed } from './tribe-seed';
import { TRIBE_IDS } from './well-known-ids';

/** An address as Tribe stores it: number and addition in their own fields. */
export interface TribeAddressFields {
  readonly Street: string;
  readonly HouseNumber: number;
  readonly HouseNumberSuffix: string | null;
  readonly Postalcode: string;
  readonly City: string;
  readonly country: CountryCode;
}

export type TribeOrganisationFields = Pick<
  OrganizationEntity,
  | 'Name'
  | 'PhoneNumber'
  | 'EmailAddress'
  | 'Website'
  | 'VATNumber'
  | 'ChamberOfCommerceNumber'
  | 'DebtorNumber'
  | 'CreditorNumber'
  | 'IBAN'
  | 'BIC'
>;

export interface TribeOrganisationInput {
  readonly fields: TribeOrganisationFields;
  readonly visiting: TribeAddressFields;
  readonly postal: TribeAddressFields | null;
  /** Payment term of the customer relationship, or null when the organisation is not a customer. */
  readonly customerPaymentTerm: number | null;
  readonly supplierPaymentTerm: number | null;
  readonly prospect: boolean;
  readonly creationDate: string;
  readonly lastMutationDate: string;
}

export interface WrittenOrganisation {
  readonly organisationId: string;
  readonly customerRelationshipId: string | null;
  readonly supplierRelationshipId: string | null;
}

/** Appends an organisation with its addresses and relationships to the Tribe seed. */
export class TribeOrganisationWriter {
  constructor(
    private readonly seed: TribeSeed,
    private readonly random: Random,
  ) {}

  write(input: TribeOrganisationInput): WrittenOrganisation {
    const organisationId = this.random.uuid();
    const dates = {
      CreationDate: input.creationDate,
      LastMutationDate: input.lastMutationDate,
      IsActive: true,
    };
    const visitingId = this.address(input.visiting, TRIBE_IDS.addressType.visiting, organisationId, dates);
    const postalId = input.postal
      ? this.address(input.postal, TRIBE_IDS.addressType.postal, organisationId, dates)
      : null;
    this.seed.Relation_Organization.push({
      ID: organisationId,
      ...dates,
      ...input.fields,
      VisitingAddress: { ID: visitingId },
      PostalAddress: postalId === null ? null : { ID: postalId },
    });
    let customerRelationshipId: string | null = null;
    if (input.customerPaymentTerm !== null) {
      customerRelationshipId = this.random.uuid();
      this.seed.Relationship_Organization_CommercialRelationship_Customer.push({
        ID: customerRelationshipId,
        ...dates,
        Organization: { ID: organisationId },
        Relation: { ID: TRIBE_IDS.ownOrganization },
        PaymentTermInDays: input.customerPaymentTerm,
      });
    }
    let supplierRelationshipId: string | null = null;
    if (input.supplierPaymentTerm !== null) {
      supplierRelationshipId = this.random.uuid();
      this.seed.Relationship_Organization_Supplier.push({
        ID: supplierRelationshipId,
        ...dates,
        Organization: { ID: organisationId },
        Relation: { ID: TRIBE_IDS.ownOrganization },
        PaymentTermInDays: input.supplierPaymentTerm,
      });
    }
    if (input.prospect) {
      this.seed.Relationship_Organization_CommercialRelationship_Prospect.push({
        ID: this.random.uuid(),
        ...dates,
        Organization: { ID: organisationId },
        Relation: { ID: TRIBE_IDS.ownOrganization },
      });
    }
    return { organisationId, customerRelationshipId, supplierRelationshipId };
  }

  private address(
    fields: TribeAddressFields,
    addressTypeId: string,
    organisationId: string,
    dates: { CreationDate: string; LastMutationDate: string; IsActive: boolean },
  ): string {
    const id = this.random.uuid();
    this.seed.Address.push({
      ID: id,
      ...dates,
      Street: fields.Street,
      HouseNumber: fields.HouseNumber,
      HouseNumberSuffix: fields.HouseNumberSuffix,
      Postalcode: fields.Postalcode,
      City: fields.City,
      Country: { ID: TRIBE_IDS.country[fields.country] },
      AddressType: { ID: addressTypeId },
      Organization: { ID: organisationId },
    });
    return id;
  }
}
