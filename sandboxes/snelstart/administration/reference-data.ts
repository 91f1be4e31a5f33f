import { nameBasedId } from '../store/deterministic-id';
import type { WireRecord } from '../store/collection';

/**
 * The Dutch defaults an administration gets for reference data its seed leaves out: what a fresh
 * SnelStart administration (standard chart of accounts, NL VAT history) looks like.
 */

const COUNTRIES: [naam: string, iso3: string, iso2: string][] = [
  ['Nederland', 'NLD', 'NL'],
  ['België', 'BEL', 'BE'],
  ['Duitsland', 'DEU', 'DE'],
  ['Frankrijk', 'FRA', 'FR'],
  ['Luxemburg', 'LUX', 'LU'],
  ['Verenigd Koninkrijk', 'GBR', 'GB'],
  ['Ierland', 'IRL', 'IE'],
  ['Spanje', 'ESP', 'ES'],
  ['Portugal', 'PRT', 'PT'],
  ['Italië', 'ITA', 'IT'],
  ['Oostenrijk', 'AUT', 'AT'],
  ['Zwitserland', 'CHE', 'CH'],
  ['Denemarken', 'DNK', 'DK'],
  ['Zweden', 'SWE', 'SE'],
  ['Noorwegen', 'NOR', 'NO'],
  ['Finland', 'FIN', 'FI'],
  ['Polen', 'POL', 'PL'],
  ['Tsjechië', 'CZE', 'CZ'],
  ['Hongarije', 'HUN', 'HU'],
  ['Griekenland', 'GRC', 'GR'],
  ['Verenigde Staten', 'USA', 'US'],
  ['Canada', 'CAN', 'CA'],
  ['Curaçao', 'CUW', 'CW'],
  ['Suriname', 'SUR', 'SR'],
  ['Marokko', 'MAR', 'MA'],
  ['Turkije', 'TUR', 'TR'],
  ['China', 'CHN', 'CN'],
  ['Japan', 'JPN', 'JP'],
  ['Australië', 'AUS', 'AU'],
];

export function landId(iso2: string): string {
  return nameBasedId('land', iso2);
}

export function defaultLanden(): WireRecord[] {
  return COUNTRIES.map(([naam, landcodeISO, landcode]) => {
    const id = landId(landcode);
    return { id, uri: `/landen/${id}`, naam, landcodeISO, landcode };
  });
}

export function defaultBtwtarieven(): Record<string, unknown>[] {
  const tarief = (btwSoort: string, btwPercentage: number, datumVanaf: string, datumTotEnMet: string) => ({
    btwSoort,
    btwPercentage,
    datumVanaf: `${datumVanaf}T00:00:00`,
    datumTotEnMet: `${datumTotEnMet}T00:00:00`,
  });
  return [
    tarief('Geen', 0, '1900-01-01', '2400-12-31'),
    tarief('Laag', 6, '1986-10-01', '2018-12-31'),
    tarief('Laag', 9, '2019-01-01', '2400-12-31'),
    tarief('Hoog', 19, '2001-01-01', '2012-09-30'),
    tarief('Hoog', 21, '2012-10-01', '2400-12-31'),
    tarief('Overig', 0, '1900-01-01', '2400-12-31'),
  ];
}

const LEDGERS: [
  nummer: number,
  omschrijving: string,
  rekeningCode: string,
  functie: string,
  btw: string[],
][] = [
  [1100, 'Bank', 'Balans', 'DagboekBank', []],
  [1300, 'Debiteuren', 'Balans', 'Diversen', []],
  [1600, 'Crediteuren', 'Balans', 'Diversen', []],
  [1510, 'Af te dragen btw laag', 'Balans', 'BtwAfteDragenLaag', []],
  [1520, 'Af te dragen btw hoog', 'Balans', 'BtwAfTeDragenHoog', []],
  [1530, 'Af te dragen btw overig', 'Balans', 'BtwAfTeDragenOverig', []],
  [1540, 'Te vorderen btw', 'Balans', 'BtwTeVorderenHoog', []],
  [4000, 'Algemene kosten', 'WinstEnVerlies', 'InkopenKostenAlleBtwTarieven', ['Geen', 'Laag', 'Hoog']],
  [7000, 'Inkopen', 'WinstEnVerlies', 'InkopenKostenAlleBtwTarieven', ['Geen', 'Laag', 'Hoog']],
  [8000, 'Omzet hoog', 'WinstEnVerlies', 'VerkopenOmzetHoog', ['Hoog']],
  [8010, 'Omzet laag', 'WinstEnVerlies', 'VerkopenOmzetLaag', ['Laag']],
  [8020, 'Omzet geen btw', 'WinstEnVerlies', 'VerkopenBtwVrij', ['Geen']],
  [8030, 'Omzet verlegd', 'WinstEnVerlies', 'VerkopenOmzetOnbelastVerlegd', ['Geen']],
  [8040, 'Omzet export binnen EU', 'WinstEnVerlies', 'VerkopenExportBinnenEU', ['Geen']],
  [8050, 'Omzet export buiten EU', 'WinstEnVerlies', 'VerkopenExportBuitenEU', ['Geen']],
];

export function grootboekId(nummer: number): string {
  return nameBasedId('grootboek', nummer);
}

export function defaultGrootboeken(modifiedOn: string): WireRecord[] {
  return LEDGERS.map(([nummer, omschrijving, rekeningCode, grootboekfunctie, btwSoort]) => {
    const id = grootboekId(nummer);
    return {
      id,
      uri: `/grootboeken/${id}`,
      modifiedOn,
      omschrijving,
      kostenplaatsVerplicht: false,
      rekeningCode,
      nonactief: false,
      nummer,
      grootboekfunctie,
      grootboekRubriek: rekeningCode === 'Balans' ? 'Balans' : 'Resultaat',
      rgsCode: [],
      btwSoort,
      vatRateCode: null,
    };
  });
}

export function defaultArtikelomzetgroepen(): WireRecord[] {
  const groups: [nummer: number, omschrijving: string, grootboek: number, btw: string][] = [
    [1, 'Omzet hoog', 8000, 'Hoog'],
    [2, 'Omzet laag', 8010, 'Laag'],
    [3, 'Omzet geen btw', 8020, 'Geen'],
  ];
  return groups.map(([nummer, omschrijving, grootboek, verkoopNederlandBtwSoort]) => {
    const id = nameBasedId('artikelomzetgroep', nummer);
    const ledger = grootboekId(grootboek);
    return {
      id,
      uri: `/artikelomzetgroepen/${id}`,
      nummer,
      omschrijving,
      verkoopGrootboekNederlandIdentifier: { id: ledger, uri: `/grootboeken/${ledger}` },
      verkoopNederlandBtwSoort,
    };
  });
}

export function defaultVerkoopordersjablonen(): WireRecord[] {
  const id = nameBasedId('verkoopordersjabloon', 'standaard');
  return [
    {
      id,
      uri: `/verkoopordersjablonen/${id}`,
      omschrijving: 'Standaard',
      nonactief: false,
      prijsIngaveExclusiefBtw: true,
      nieuweOrdersBlokkeren: false,
      extraHoofdVelden: [],
      extraRegelVelden: [],
    },
  ];
}

export function defaultCompanyInfo(administratieIdentifier: string, administratieNaam: string) {
  return {
    administratieIdentifier,
    administratieNaam,
    bedrijfsnaam: administratieNaam,
    contactpersoon: null,
    adres: 'Sandboxstraat 1',
    postcode: '1234 AB',
    plaats: 'Amsterdam',
    telefoon: null,
    mobieleTelefoon: null,
    fax: null,
    bankrekeningnummer: null,
    iban: 'NL91ABNA0417164300',
    bic: 'ABNANL2A',
    rechtsvorm: 'Bv',
    btwNummer: 'NL000099998B57',
    btwIdentificatieNummer: 'NL000099998B57',
    kvKNummer: '12345678',
    email: null,
    website: null,
    vrijeTekst1: null,
    vrijeTekst2: null,
    vrijeTekst3: null,
    vrijeTekst4: null,
    huidigBoekjaar: new Date().getUTCFullYear(),
    beginmaandFiscaleBoekjaar: 1,
    btwAangiftePeriodeSoort: 'Kwartaal',
    icpAangiftePeriodeSoort: 'Kwartaal',
    kleineOndernemersregeling: {
      isKleineOndernemersRegelingActief: false,
      maximaalBedragVolledigeVerrekening: 0,
      maximaalBedragKleineOndernemersRegeling: 0,
    },
    volgendFactuurnummer: 1,
    volgendVerkoopordernummer: 1,
    volgendContantbonnummer: 1,
    volgendInkoopordernummer: 1,
    factuurAlsBijlageVerkoopboeking: true,
    artikelcodeSoort: 'Alfanumeriek',
    artikelcodeMaxLengte: 20,
    buitenlandseBtwGrootboek: null,
    factureerBuitenlandsBtw: false,
    factureerBuitenlandsBtwRanges: [],
  } as Record<string, unknown>;
}
