import { AddressFactory, type Address } from './address';
import { bankAccount, chamberOfCommerceNumber, vatNumber } from './business-identifiers';
import { CompanyNameFactory } from './company-name';
import { contactPersonFor, domainFor, emailFor, mobileFor, phoneFor, websiteFor } from './contact-details';
import type { Random } from './random';

/** One real-world organisation, before either system has written it down. */
export interface OrganisationProfile {
  readonly name: string;
  readonly address: Address;
  readonly postalAddress: Address | null;
  readonly contactPerson: string;
  readonly phone: string | null;
  readonly mobile: string | null;
  readonly email: string | null;
  readonly website: string | null;
  readonly vatNumber: string | null;
  readonly cocNumber: string | null;
  readonly iban: string | null;
  readonly bic: string | null;
}

export class OrganisationFactory {
  private readonly names: CompanyNameFactory;

  constructor(
    private readonly random: Random,
    private readonly addresses: AddressFactory,
  ) {
    this.names = new CompanyNameFactory(random);
  }

  /** `bankAccountShare`: suppliers almost always have a known account, customers less often. */
  next(bankAccountShare: number): OrganisationProfile {
    const r = this.random;
    const address = this.addresses.visiting();
    const name = this.names.next(address.city);
    const domain = r.chance(0.9) ? domainFor(name, address.country, r) : null;
    const account = r.chance(bankAccountShare) ? bankAccount(r, address.country) : null;
    const isDutch = address.country === 'NL';
    return {
      name,
      address,
      postalAddress: isDutch && r.chance(0.15) ? this.addresses.postbus(address) : null,
      contactPerson: contactPersonFor(r),
      phone: r.chance(0.92) ? phoneFor(address, r) : null,
      mobile: r.chance(0.3) ? mobileFor(r) : null,
      email: domain ? emailFor(domain, r) : null,
      website: domain && r.chance(0.8) ? websiteFor(domain, r) : null,
      vatNumber: r.chance(isDutch ? 0.75 : 0.95) ? vatNumber(r, address.country) : null,
      cocNumber: isDutch && r.chance(0.85) ? chamberOfCommerceNumber(r) : null,
      iban: account?.iban ?? null,
      bic: account?.bic ?? null,
    };
  }
}
