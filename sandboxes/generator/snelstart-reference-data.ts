import { OWN_ORGANISATION } from './own-organisation';
import type {
  ArtikelOmzetGroepModel,
  BtwSoort,
  BtwTariefModel,
  CompanyInfoModel,
  GrootboekModel,
  LandModel,
  VerkoopordersjabloonModel,
} from './snelstart-seed';
import { SNELSTART_IDS } from './well-known-ids';

/** The fixed parts of the demo administration: countries, chart of accounts, VAT history, templates. */

const LANDEN: readonly (readonly [keyof typeof SNELSTART_IDS.land, string, string])[] = [
  ['NL', 'Nederland', 'NLD'],
  ['BE', 'België', 'BEL'],
  ['DE', 'Duitsland', 'DEU'],
  ['FR', 'Frankrijk', 'FRA'],
  ['GB', 'Verenigd Koninkrijk', 'GBR'],
  ['LU', 'Luxemburg', 'LUX'],
  ['AT', 'Oostenrijk', 'AUT'],
  ['ES', 'Spanje', 'ESP'],
  ['IT', 'Italië', 'ITA'],
  ['DK', 'Denemarken', 'DNK'],
  ['SE', 'Zweden', 'SWE'],
  ['PL', 'Polen', 'POL'],
  ['CH', 'Zwitserland', 'CHE'],
  ['IE', 'Ierland', 'IRL'],
  ['PT', 'Portugal', 'PRT'],
  ['US', 'Verenigde Staten', 'USA'],
];

export function landen(): LandModel[] {
  return LANDEN.map(([code, naam, iso3]) => ({
    id: SNELSTART_IDS.land[code],
    naam,
    landcode: code,
    landcodeISO: iso3,
  }));
}

type Rekening = GrootboekModel['rekeningCode'];
type GrootboekRow = readonly [
  id: string,
  nummer: number,
  omschrijving: string,
  functie: string,
  rekening: Rekening,
  rubriek: string,
  btw: readonly BtwSoort[],
];

const G = SNELSTART_IDS.grootboek;
const GROOTBOEKEN: readonly GrootboekRow[] = [
  [G.kas, 1000, 'Kas', 'DagboekKas', 'Balans', 'Liquide middelen', []],
  [G.bank, 1100, 'Bank', 'DagboekBank', 'Balans', 'Liquide middelen', []],
  [G.debiteuren, 1300, 'Debiteuren', 'DagboekVerkoop', 'Balans', 'Vorderingen', []],
  [G.btwAfTeDragenHoog, 1510, 'Af te dragen btw hoog', 'BtwAfTeDragenHoog', 'Balans', 'Btw', []],
  [G.btwAfTeDragenLaag, 1520, 'Af te dragen btw laag', 'BtwAfteDragenLaag', 'Balans', 'Btw', []],
  [G.btwAfTeDragenOverig, 1530, 'Af te dragen btw overig', 'BtwAfTeDragenOverig', 'Balans', 'Btw', []],
  [
    G.btwAfTeDragenVerlegd,
    1540,
    'Af te dragen btw verlegd',
    'BtwAfTeDragenVerlegdVerkopen',
    'Balans',
    'Btw',
    [],
  ],
  [G.btwTeVorderenHoog, 1560, 'Te vorderen btw hoog', 'BtwTeVorderenHoog', 'Balans', 'Btw', []],
  [G.btwTeVorderenLaag, 1570, 'Te vorderen btw laag', 'BtwTeVorderenLaag', 'Balans', 'Btw', []],
  [G.crediteuren, 1600, 'Crediteuren', 'DagboekInkoop', 'Balans', 'Schulden', []],
  [G.memoriaal, 1800, 'Memoriaal', 'DagboekMemoriaal', 'Balans', 'Tussenrekeningen', []],
  [
    G.tussenrekeningBetalingen,
    2000,
    'Tussenrekening betalingen',
    'TussenrekeningBetalingen',
    'Balans',
    'Tussenrekeningen',
    [],
  ],
  [G.voorraad, 3000, 'Voorraad handelsgoederen', 'Diversen', 'Balans', 'Voorraden', []],
  [G.lonen, 4000, 'Lonen en salarissen', 'Diversen', 'WinstEnVerlies', 'Personeelskosten', []],
  [G.huisvesting, 4300, 'Huisvestingskosten', 'Diversen', 'WinstEnVerlies', 'Huisvestingskosten', []],
  [G.autokosten, 4500, 'Autokosten', 'Diversen', 'WinstEnVerlies', 'Vervoerskosten', []],
  [G.kantoorkosten, 4600, 'Kantoorkosten', 'Diversen', 'WinstEnVerlies', 'Kantoorkosten', []],
  [G.inkopenHoog, 7000, 'Inkopen hoog', 'InkopenKostenHoog', 'WinstEnVerlies', 'Kostprijs omzet', ['Hoog']],
  [G.inkopenLaag, 7010, 'Inkopen laag', 'InkopenKostenLaag', 'WinstEnVerlies', 'Kostprijs omzet', ['Laag']],
  [G.omzetHoog, 8000, 'Omzet hoog', 'VerkopenOmzetHoog', 'WinstEnVerlies', 'Omzet', ['Hoog']],
  [G.omzetLaag, 8010, 'Omzet laag', 'VerkopenOmzetLaag', 'WinstEnVerlies', 'Omzet', ['Laag']],
  [
    G.omzetVerlegd,
    8020,
    'Omzet verlegd',
    'VerkopenOmzetOnbelastVerlegd',
    'WinstEnVerlies',
    'Omzet',
    ['Geen'],
  ],
  [G.omzetGeen, 8030, 'Omzet geen btw', 'VerkopenBtwVrij', 'WinstEnVerlies', 'Omzet', ['Geen']],
  [
    G.omzetExportBinnenEu,
    8100,
    'Omzet export binnen EU',
    'VerkopenExportBinnenEU',
    'WinstEnVerlies',
    'Omzet',
    ['Geen'],
  ],
  [
    G.omzetExportBuitenEu,
    8110,
    'Omzet export buiten EU',
    'VerkopenExportBuitenEU',
    'WinstEnVerlies',
    'Omzet',
    ['Geen'],
  ],
  [
    G.omzetDienstenHoog,
    8200,
    'Omzet diensten hoog',
    'VerkopenOmzetHoog',
    'WinstEnVerlies',
    'Omzet',
    ['Hoog'],
  ],
  [
    G.omzetOud,
    8900,
    'Omzet oud (vervallen)',
    'Diversen',
    'WinstEnVerlies',
    'Omzet',
    ['Hoog', 'Laag', 'Geen'],
  ],
];

const VAT_RATE_CODES: Partial<Record<number, string>> = { 8000: 'SR', 8200: 'SR', 8010: 'RRL' };

export function grootboeken(modifiedOn: string): GrootboekModel[] {
  return GROOTBOEKEN.map(
    ([id, nummer, omschrijving, grootboekfunctie, rekeningCode, grootboekRubriek, btw]) => ({
      id,
      modifiedOn,
      nummer,
      omschrijving,
      kostenplaatsVerplicht: false,
      rekeningCode,
      nonactief: nummer === 8900,
      grootboekfunctie,
      grootboekRubriek,
      rgsCode: [],
      btwSoort: [...btw],
      vatRateCode: VAT_RATE_CODES[nummer] ?? null,
    }),
  );
}

export function artikelomzetgroepen(): ArtikelOmzetGroepModel[] {
  const O = SNELSTART_IDS.artikelomzetgroep;
  const group = (id: string, nummer: number, omschrijving: string, grootboekId: string, btw: BtwSoort) => ({
    id,
    nummer,
    omschrijving,
    verkoopGrootboekNederlandIdentifier: { id: grootboekId },
    verkoopNederlandBtwSoort: btw,
  });
  return [
    group(O.hoog, 1, 'Omzet hoog', G.omzetHoog, 'Hoog'),
    group(O.laag, 2, 'Omzet laag', G.omzetLaag, 'Laag'),
    group(O.verlegd, 3, 'Omzet verlegd', G.omzetVerlegd, 'Geen'),
    group(O.geen, 4, 'Omzet vrijgesteld', G.omzetGeen, 'Geen'),
    group(O.dienstenHoog, 5, 'Diensten hoog', G.omzetDienstenHoog, 'Hoog'),
  ];
}

/** The rate history, with SnelStart's open-end sentinels 1900-01-01 and 2400-12-31. */
export function btwtarieven(): BtwTariefModel[] {
  const rate = (btwSoort: BtwSoort, btwPercentage: number, from: string, to: string): BtwTariefModel => ({
    btwSoort,
    btwPercentage,
    datumVanaf: `${from}T00:00:00`,
    datumTotEnMet: `${to}T00:00:00`,
  });
  return [
    rate('Geen', 0, '1900-01-01', '2400-12-31'),
    rate('Laag', 6, '1986-10-01', '2018-12-31'),
    rate('Laag', 9, '2019-01-01', '2400-12-31'),
    rate('Hoog', 19, '2001-01-01', '2012-09-30'),
    rate('Hoog', 21, '2012-10-01', '2400-12-31'),
    rate('Overig', 0, '1900-01-01', '2400-12-31'),
  ];
}

export function verkoopordersjablonen(): VerkoopordersjabloonModel[] {
  const S = SNELSTART_IDS.verkoopordersjabloon;
  return [
    {
      id: S.standaard,
      omschrijving: 'Standaard verkooporder',
      nonactief: false,
      prijsIngaveExclusiefBtw: true,
      nieuweOrdersBlokkeren: false,
      extraHoofdVelden: [
        {
          veldNummer: 1,
          omschrijving: 'Projectcode',
          ingaveMasker: null,
          soortVeld: 'Tekst',
          maximumTekstLengte: 20,
        },
      ],
      extraRegelVelden: [],
    },
    {
      id: S.abonnementen,
      omschrijving: 'Abonnementen',
      nonactief: false,
      prijsIngaveExclusiefBtw: true,
      nieuweOrdersBlokkeren: true,
      extraHoofdVelden: [],
      extraRegelVelden: [
        {
          veldNummer: 1,
          omschrijving: 'Periode',
          ingaveMasker: null,
          soortVeld: 'Tekst',
          maximumTekstLengte: 30,
        },
      ],
    },
    {
      id: S.vervallen,
      omschrijving: 'Oud sjabloon 2019',
      nonactief: true,
      prijsIngaveExclusiefBtw: false,
      nieuweOrdersBlokkeren: false,
      extraHoofdVelden: [],
      extraRegelVelden: [],
    },
  ];
}

export function companyInfo(year: number): CompanyInfoModel {
  const own = OWN_ORGANISATION;
  return {
    administratieIdentifier: SNELSTART_IDS.administratie,
    administratieNaam: `${own.name} ${year}`,
    bedrijfsnaam: own.name,
    contactpersoon: own.contactPerson,
    adres: `${own.address.street} ${own.address.houseNumber} ${own.address.suffix}`,
    postcode: own.address.postcode,
    plaats: own.address.city,
    telefoon: own.phone,
    email: own.email,
    website: own.website,
    iban: own.iban,
    bic: own.bic,
    rechtsvorm: 'Bv',
    btwNummer: own.vatNumber,
    btwIdentificatieNummer: own.vatNumber,
    kvKNummer: own.cocNumber,
    huidigBoekjaar: year,
    beginmaandFiscaleBoekjaar: 1,
    btwAangiftePeriodeSoort: 'Kwartaal',
    icpAangiftePeriodeSoort: 'Kwartaal',
    kleineOndernemersregeling: {
      isKleineOndernemersRegelingActief: false,
      maximaalBedragVolledigeVerrekening: 0,
      maximaalBedragKleineOndernemersRegeling: 0,
    },
    volgendFactuurnummer: year * 10_000 + 1,
    volgendVerkoopordernummer: 1,
    factuurAlsBijlageVerkoopboeking: true,
    artikelcodeSoort: 'Alfanumeriek',
    artikelcodeMaxLengte: 20,
    aantalDecimalenArtikelprijzen: 2,
    aantalDecimalenArtikelaantallen: 2,
    verkoopprijsArtikelbestandExclusiefBtw: true,
    factureerBuitenlandsBtw: false,
  };
}
