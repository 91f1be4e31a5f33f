import type { AddressFactory } from './address';
import { DAY_MS, HOUR_MS, isoDateTime } from './dates';
import type { OrganisationProfile } from './organisation-profile';
import type { Random } from './random';
import type { TribePresence } from './relation-plan';
import type {
  TribeOrganisationInput,
  TribeOrganisationWriter,
  WrittenOrganisation,
} from './tribe-organisations';
import { crmAddress, crmAddressFormatted, crmFields, nameVariant, tradeName } from './tribe-variants';

/** The SnelStart side of an organisation, as far as Tribe's copy depends on it. */
export interface SnelStartFacts {
  readonly profile: OrganisationProfile;
  /** Relatiecode of the Klant relatie, or null. */
  readonly klantCode: number | null;
  readonly leverancierCode: number | null;
  readonly klantKrediettermijn: number;
  readonly leverancierKrediettermijn: number;
}

/**
 * Writes the Tribe copy of a SnelStart organisation the way the plan says it already exists in the CRM.
 * Returns the organisations written (two for an ambiguous pair, none when Tribe does not know it).
 */
export class TribePresenceWriter {
  constructor(
    private readonly writer: TribeOrganisationWriter,
    private readonly addresses: AddressFactory,
    private readonly random: Random,
    private readonly nowMs: number,
  ) {}

  write(presence: TribePresence, facts: SnelStartFacts): WrittenOrganisation[] {
    const { profile } = facts;
    const r = this.random;
    switch (presence) {
      case 'none':
        return [];
      case 'number': {
        const numbers = {
          debtorNumber: facts.klantCode === null ? null : `${facts.klantCode}`,
          creditorNumber: facts.leverancierCode === null ? null : `${facts.leverancierCode}`,
        };
        // The number decides, so the CRM may use a trade name or an old address.
        const name = r.chance(0.3) ? tradeName(profile.name) : profile.name;
        const visiting = r.chance(0.2) ? crmAddress(this.addresses.visiting()) : crmAddress(profile.address);
        return [this.writer.write(this.input(facts, crmFields(profile, name, r, numbers), visiting))];
      }
      case 'nameAddress':
        return [
          this.writer.write(
            this.input(facts, crmFields(profile, profile.name, r), crmAddress(profile.address)),
          ),
        ];
      case 'nameAddressFormatted': {
        const renameToo = profile.address.country !== 'NL' || r.chance(0.6);
        const name = renameToo ? nameVariant(profile.name, r) : profile.name;
        const visiting = crmAddressFormatted(profile.address, r);
        return [this.writer.write(this.input(facts, crmFields(profile, name, r), visiting))];
      }
      case 'ambiguous': {
        const first = this.input(facts, crmFields(profile, profile.name, r), crmAddress(profile.address));
        const second = this.input(
          facts,
          crmFields(profile, nameVariant(profile.name, r), r),
          crmAddressFormatted(profile.address, r),
        );
        return [this.writer.write(first), this.writer.write(second)];
      }
    }
  }

  private input(
    facts: SnelStartFacts,
    fields: TribeOrganisationInput['fields'],
    visiting: TribeOrganisationInput['visiting'],
  ): TribeOrganisationInput {
    const r = this.random;
    const createdMs = this.nowMs - 30 * DAY_MS - r.int(5 * 365) * DAY_MS - r.int(DAY_MS);
    const mutatedMs = createdMs + r.int(this.nowMs - HOUR_MS - createdMs);
    const postal = facts.profile.postalAddress;
    return {
      fields,
      visiting,
      postal: postal !== null && r.chance(0.7) ? crmAddress(postal) : null,
      customerPaymentTerm: facts.klantCode === null ? null : facts.klantKrediettermijn,
      supplierPaymentTerm: facts.leverancierCode === null ? null : facts.leverancierKrediettermijn,
      prospect: false,
      creationDate: isoDateTime(createdMs),
      lastMutationDate: isoDateTime(mutatedMs),
    };
  }
}
