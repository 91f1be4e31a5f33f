/**
 * Structural subsets of the SnelStart B2B API v2 models this domain reads and writes. Field names are those of
 * the official OpenAPI (camelCase). Every read field is optional and nullable so that the API client's
 * zod-inferred types are assignable whatever they mark as optional; only the fields the domain uses are listed.
 */

/** A reference to another SnelStart record (`{ id }`; the API adds a read-only `uri`). */
export interface SnelStartIdentifier {
  readonly id: string;
}

export interface SnelStartAdres {
  readonly contactpersoon?: string | null;
  /** Street, house number and addition in one string (`"Dorpsstraat 12 A"`). */
  readonly straat?: string | null;
  readonly postcode?: string | null;
  readonly plaats?: string | null;
  readonly land?: { readonly id?: string | null } | null;
}

/** `RelatieModel` as read from `GET /relaties`. */
export interface SnelStartRelatie {
  readonly id: string;
  /** `Klant`, `Leverancier`; the administration's own relation carries `Eigen`. */
  readonly relatiesoort?: readonly string[] | null;
  readonly relatiecode?: number | null;
  readonly naam?: string | null;
  readonly vestigingsAdres?: SnelStartAdres | null;
  readonly correspondentieAdres?: SnelStartAdres | null;
  readonly telefoon?: string | null;
  readonly email?: string | null;
  readonly websiteUrl?: string | null;
  readonly btwNummer?: string | null;
  readonly kvkNummer?: string | null;
  readonly iban?: string | null;
  readonly bic?: string | null;
  readonly nonactief?: boolean | null;
  /** `Geen`, `Core` or `B2B`. */
  readonly incassoSoort?: string | null;
  readonly krediettermijn?: number | null;
  readonly modifiedOn?: string | null;
}

/** The roles a relatie can be written with (REL-0065: never both on one relatie). */
export type RelatieRole = 'Klant' | 'Leverancier';

export interface SnelStartAdresWrite {
  contactpersoon?: string | null;
  straat: string | null;
  postcode: string | null;
  plaats: string | null;
  land: SnelStartIdentifier | null;
}

/** The `RelatieWriteModel` fields the sync writes. */
export interface SnelStartRelatieWrite {
  relatiesoort?: RelatieRole[];
  naam: string | null;
  vestigingsAdres: SnelStartAdresWrite | null;
  correspondentieAdres: SnelStartAdresWrite | null;
  telefoon: string | null;
  email: string | null;
  websiteUrl: string | null;
  btwNummer: string | null;
  kvkNummer: string | null;
  iban: string | null;
  bic: string | null;
}

/** `ArtikelQueryModel` as read from `GET /artikelen`. */
export interface SnelStartArtikel {
  readonly id: string;
  readonly artikelcode?: string | null;
  readonly omschrijving?: string | null;
  readonly verkoopprijs?: number | null;
  readonly inkoopprijs?: number | null;
  readonly eenheid?: string | null;
  readonly artikelOmzetgroep?: { readonly id?: string | null } | null;
  readonly isNonActief?: boolean | null;
  readonly modifiedOn?: string | null;
}

/** The `ArtikelModel` fields the sync writes. */
export interface SnelStartArtikelWrite {
  artikelcode: string | null;
  omschrijving: string | null;
  verkoopprijs: number | null;
  inkoopprijs: number | null;
  eenheid: string | null;
  artikelOmzetgroep: SnelStartIdentifier | null;
  isNonActief: boolean;
}

/** `ArtikelOmzetGroepModel` (read-only in the API). */
export interface SnelStartArtikelOmzetgroep {
  readonly id: string;
  readonly nummer?: number | null;
  readonly omschrijving?: string | null;
}

/** `LandModel`: `landcode` is ISO 3166 alpha-2 (`NL`), `landcodeISO` alpha-3 (`NLD`). */
export interface SnelStartLand {
  readonly id: string;
  readonly naam?: string | null;
  readonly landcode?: string | null;
  readonly landcodeISO?: string | null;
}

/** `DoorlopendeIncassoMachtigingModel` from `GET /relaties/{id}/doorlopendeincassomachtigingen`. */
export interface SnelStartDoorlopendeIncassoMachtiging {
  readonly id: string;
  readonly kenmerk?: string | null;
  readonly afsluitDatum?: string | null;
  readonly intrekkingsDatum?: string | null;
  readonly omschrijving?: string | null;
  readonly klant?: { readonly id?: string | null } | null;
}

/** Line-level btw soort of a boekingsregel. */
export type SnelStartRegelBtwSoort = 'Geen' | 'Laag' | 'Hoog' | 'Overig';

/** Document-level btw soort of a sales booking's `btw` collection. */
export type SnelStartVerkoopBtwSoort = 'VerkopenLaag' | 'VerkopenHoog' | 'VerkopenOverig' | 'VerkopenVerlegd';

export interface SnelStartVerkoopBoekingRegelWrite {
  omschrijving: string | null;
  grootboek: SnelStartIdentifier;
  /** Amount excluding VAT. */
  bedrag: number;
  btwSoort: SnelStartRegelBtwSoort;
}

export interface SnelStartVerkoopBoekingBtwWrite {
  btwSoort: SnelStartVerkoopBtwSoort;
  btwBedrag: number;
}

/** `VerkoopBoekingModel` for `POST /verkoopboekingen`. */
export interface SnelStartVerkoopBoekingWrite {
  factuurnummer: string;
  /** `yyyy-MM-ddT00:00:00`. */
  factuurdatum: string;
  klant: SnelStartIdentifier;
  omschrijving: string | null;
  /** Total including VAT: Σ boekingsregels.bedrag + Σ btw.btwBedrag. */
  factuurbedrag: number;
  betalingstermijn?: number;
  doorlopendeIncassoMachtiging?: SnelStartIdentifier;
  boekingsregels: SnelStartVerkoopBoekingRegelWrite[];
  btw: SnelStartVerkoopBoekingBtwWrite[];
}

export interface SnelStartVerkoopOrderRegelWrite {
  artikel: SnelStartIdentifier;
  omschrijving: string | null;
  stuksprijs: number | null;
  aantal: number;
  kortingsPercentage?: number;
}

/** `VerkoopOrderModel` for `POST /verkooporders` (no `nummer`: SnelStart assigns it, VOR-0005). */
export interface SnelStartVerkoopOrderWrite {
  relatie: SnelStartIdentifier;
  /** `yyyy-MM-ddT00:00:00`. */
  datum: string;
  procesStatus: 'Order';
  verkooporderBtwIngaveModel: 'Exclusief';
  verkoopordersjabloon: SnelStartIdentifier;
  omschrijving: string | null;
  orderreferentie: string | null;
  regels: SnelStartVerkoopOrderRegelWrite[];
}
