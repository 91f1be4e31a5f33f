import type { Address } from './address';

/** The demo tenant itself: the SnelStart administration's own relation and the Tribe identity. */
export const OWN_ORGANISATION = {
  name: 'Koppeling Demo B.V.',
  contactPerson: 'Marieke van der Linden',
  address: {
    street: 'Stationsplein',
    houseNumber: 45,
    suffix: 'A',
    postcode: '3013 AK',
    city: 'Rotterdam',
    country: 'NL',
    areaCode: '010',
  } satisfies Address,
  phone: '010-7410852',
  email: 'administratie@koppelingdemo.nl',
  website: 'www.koppelingdemo.nl',
  vatNumber: 'NL859412635B01',
  cocNumber: '74125896',
  iban: 'NL33INGB0682403059',
  bic: 'INGBNL2A',
} as const;
