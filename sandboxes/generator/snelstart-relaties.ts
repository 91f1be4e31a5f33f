import { formatPostcode, streetLine, type Address, type NumberStyle, type PostcodeStyle } from './address';
import type { OrganisationProfile } from './organisation-profile';
import { OWN_ORGANISATION } from './own-organisation';
import type { AdresModel, IncassoSoort, RelatieModel } from './snelstart-seed';
import { SNELSTART_IDS } from './well-known-ids';

export interface RelatieInput {
  readonly id: string;
  readonly soort: 'Klant' | 'Leverancier';
  readonly relatiecode: number;
  readonly profile: OrganisationProfile;
  /** How this relatie writes its house number addition and postcode (data entry differs). */
  readonly numberStyle: NumberStyle;
  readonly postcodeStyle: PostcodeStyle;
  readonly email: string | null;
  readonly nonactief: boolean;
  readonly modifiedOn: string;
  readonly krediettermijn: number;
  readonly incassoSoort: IncassoSoort;
  readonly memo: string | null;
}

export function adresModel(
  address: Address,
  contactpersoon: string,
  numberStyle: NumberStyle = 'canonical',
  postcodeStyle: PostcodeStyle = 'canonical',
): AdresModel {
  return {
    contactpersoon,
    straat: streetLine(address, numberStyle),
    postcode: formatPostcode(address.postcode, postcodeStyle),
    plaats: address.city,
    land: { id: SNELSTART_IDS.land[address.country] },
  };
}

export function relatieFrom(input: RelatieInput): RelatieModel {
  const { profile } = input;
  return {
    id: input.id,
    modifiedOn: input.modifiedOn,
    relatiesoort: [input.soort],
    relatiecode: input.relatiecode,
    naam: profile.name,
    vestigingsAdres: adresModel(
      profile.address,
      profile.contactPerson,
      input.numberStyle,
      input.postcodeStyle,
    ),
    correspondentieAdres: profile.postalAddress
      ? adresModel(profile.postalAddress, profile.contactPerson)
      : null,
    telefoon: profile.phone,
    mobieleTelefoon: profile.mobile,
    email: input.email,
    websiteUrl: profile.website,
    btwNummer: profile.vatNumber,
    kvkNummer: profile.cocNumber,
    krediettermijn: input.krediettermijn,
    bankieren: input.incassoSoort !== 'Geen' || (input.soort === 'Leverancier' && profile.iban !== null),
    nonactief: input.nonactief,
    iban: profile.iban,
    bic: profile.bic,
    incassoSoort: input.incassoSoort,
    memo: input.memo,
  };
}

const EMPTY_ADRES: AdresModel = {
  contactpersoon: '',
  straat: '',
  postcode: '',
  plaats: '',
  land: { id: SNELSTART_IDS.land.NL },
};

function systemRelatie(
  id: string,
  relatiesoort: RelatieModel['relatiesoort'],
  relatiecode: number,
  naam: string,
  modifiedOn: string,
): RelatieModel {
  return {
    id,
    modifiedOn,
    relatiesoort,
    relatiecode,
    naam,
    vestigingsAdres: { ...EMPTY_ADRES, land: { ...EMPTY_ADRES.land } },
    correspondentieAdres: null,
    telefoon: null,
    mobieleTelefoon: null,
    email: null,
    websiteUrl: null,
    btwNummer: null,
    kvkNummer: null,
    krediettermijn: 0,
    bankieren: false,
    nonactief: false,
    iban: null,
    bic: null,
    incassoSoort: 'Geen',
    memo: null,
  };
}

/** The rows every administration has: its own relation (`Eigen`), `-1 Leverancier onbekend`, `-2 Klant onbekend`. */
export function systemRelaties(modifiedOn: string): RelatieModel[] {
  const own = systemRelatie(SNELSTART_IDS.relatie.eigen, ['Eigen'], 0, OWN_ORGANISATION.name, modifiedOn);
  own.vestigingsAdres = adresModel(OWN_ORGANISATION.address, OWN_ORGANISATION.contactPerson);
  own.telefoon = OWN_ORGANISATION.phone;
  own.email = OWN_ORGANISATION.email;
  own.websiteUrl = OWN_ORGANISATION.website;
  own.btwNummer = OWN_ORGANISATION.vatNumber;
  own.kvkNummer = OWN_ORGANISATION.cocNumber;
  own.iban = OWN_ORGANISATION.iban;
  own.bic = OWN_ORGANISATION.bic;
  return [
    own,
    systemRelatie(
      SNELSTART_IDS.relatie.leverancierOnbekend,
      ['Leverancier'],
      -1,
      'Leverancier onbekend',
      modifiedOn,
    ),
    systemRelatie(SNELSTART_IDS.relatie.klantOnbekend, ['Klant'], -2, 'Klant onbekend', modifiedOn),
  ];
}
