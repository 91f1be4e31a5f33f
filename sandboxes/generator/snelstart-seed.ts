/**
 * SnelStart seed: the B2B API v2 read models (camelCase, per the official OpenAPI), one array per
 * endpoint. Read-only derived fields (`uri`, `inkoopBoekingenUri`, `verkoopBoekingenUri`) are left to
 * the sandbox, which renders them from the id.
 */

export interface IdRef {
  id: string;
}

export type Relatiesoort = 'Klant' | 'Leverancier' | 'Eigen';
export type IncassoSoort = 'Geen' | 'Core' | 'B2B';
export type BtwSoort = 'Geen' | 'Laag' | 'Hoog' | 'Overig';

export interface AdresModel {
  contactpersoon: string;
  /** Street, house number and addition in one string. */
  straat: string;
  postcode: string;
  plaats: string;
  land: IdRef;
}

export interface RelatieModel {
  id: string;
  modifiedOn: string;
  relatiesoort: Relatiesoort[];
  relatiecode: number;
  naam: string;
  vestigingsAdres: AdresModel;
  correspondentieAdres: AdresModel | null;
  telefoon: string | null;
  mobieleTelefoon: string | null;
  email: string | null;
  websiteUrl: string | null;
  btwNummer: string | null;
  kvkNummer: string | null;
  krediettermijn: number;
  bankieren: boolean;
  nonactief: boolean;
  iban: string | null;
  bic: string | null;
  incassoSoort: IncassoSoort;
  memo: string | null;
}

export interface ArtikelQueryModel {
  id: string;
  modifiedOn: string;
  artikelcode: string;
  omschrijving: string;
  artikelOmzetgroep: IdRef;
  verkoopprijs: number;
  inkoopprijs: number;
  eenheid: string;
  relatie: IdRef | null;
  isNonActief: boolean;
  voorraadControle: boolean;
  technischeVoorraad: number;
  vrijeVoorraad: number;
  isHoofdartikel: boolean;
  subartikelen: never[];
  extraVelden: never[];
}

export interface ArtikelOmzetGroepModel {
  id: string;
  nummer: number;
  omschrijving: string;
  verkoopGrootboekNederlandIdentifier: IdRef;
  verkoopNederlandBtwSoort: BtwSoort;
}

export interface GrootboekModel {
  id: string;
  modifiedOn: string;
  nummer: number;
  omschrijving: string;
  kostenplaatsVerplicht: boolean;
  rekeningCode: 'Balans' | 'WinstEnVerlies';
  nonactief: boolean;
  grootboekfunctie: string;
  grootboekRubriek: string;
  rgsCode: { versie: string; rgsCode: string }[];
  btwSoort: BtwSoort[];
  vatRateCode: string | null;
}

export interface BtwTariefModel {
  btwSoort: BtwSoort;
  btwPercentage: number;
  datumVanaf: string;
  datumTotEnMet: string;
}

export interface LandModel {
  id: string;
  naam: string;
  landcode: string;
  landcodeISO: string;
}

export interface IngaveGegevenSjabloonModel {
  veldNummer: number;
  omschrijving: string;
  ingaveMasker: string | null;
  soortVeld: 'GeheelGetal' | 'Bedrag' | 'Datum' | 'Tekst';
  maximumTekstLengte: number | null;
}

export interface VerkoopordersjabloonModel {
  id: string;
  omschrijving: string;
  nonactief: boolean;
  prijsIngaveExclusiefBtw: boolean;
  nieuweOrdersBlokkeren: boolean;
  extraHoofdVelden: IngaveGegevenSjabloonModel[];
  extraRegelVelden: IngaveGegevenSjabloonModel[];
}

export interface DoorlopendeIncassoMachtigingModel {
  id: string;
  kenmerk: string;
  afsluitDatum: string;
  intrekkingsDatum: string | null;
  omschrijving: string;
  klant: IdRef;
}

export interface CompanyInfoModel {
  administratieIdentifier: string;
  administratieNaam: string;
  bedrijfsnaam: string;
  contactpersoon: string;
  adres: string;
  postcode: string;
  plaats: string;
  telefoon: string;
  email: string;
  website: string;
  iban: string;
  bic: string;
  rechtsvorm: 'Bv';
  btwNummer: string;
  btwIdentificatieNummer: string;
  kvKNummer: string;
  huidigBoekjaar: number;
  beginmaandFiscaleBoekjaar: number;
  btwAangiftePeriodeSoort: 'Kwartaal';
  icpAangiftePeriodeSoort: 'Kwartaal';
  kleineOndernemersregeling: {
    isKleineOndernemersRegelingActief: boolean;
    maximaalBedragVolledigeVerrekening: number;
    maximaalBedragKleineOndernemersRegeling: number;
  };
  volgendFactuurnummer: number;
  volgendVerkoopordernummer: number;
  factuurAlsBijlageVerkoopboeking: boolean;
  artikelcodeSoort: 'Alfanumeriek';
  artikelcodeMaxLengte: number;
  aantalDecimalenArtikelprijzen: number;
  aantalDecimalenArtikelaantallen: number;
  verkoopprijsArtikelbestandExclusiefBtw: boolean;
  factureerBuitenlandsBtw: boolean;
}

export interface SnelStartSeed {
  relaties: RelatieModel[];
  artikelen: ArtikelQueryModel[];
  artikelomzetgroepen: ArtikelOmzetGroepModel[];
  grootboeken: GrootboekModel[];
  btwtarieven: BtwTariefModel[];
  landen: LandModel[];
  verkoopordersjablonen: VerkoopordersjabloonModel[];
  doorlopendeincassomachtigingen: DoorlopendeIncassoMachtigingModel[];
  companyInfo: CompanyInfoModel;
}
