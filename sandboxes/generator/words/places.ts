import type { CountryCode } from '../well-known-ids';

/** A place with its real postcode range (numeric part) and telephone area code. */
export interface Place {
  readonly city: string;
  readonly country: CountryCode;
  readonly postcodeFrom: number;
  readonly postcodeTo: number;
  /** National trunk prefix included for NL (`020`); without it for other countries (`3`, `211`). */
  readonly areaCode: string;
  /** Relative share of organisations located here. */
  readonly weight: number;
}

type Row = readonly [city: string, from: number, to: number, areaCode: string, weight: number];

const place =
  (country: CountryCode) =>
  ([city, postcodeFrom, postcodeTo, areaCode, weight]: Row): Place => ({
    city,
    country,
    postcodeFrom,
    postcodeTo,
    areaCode,
    weight,
  });

const DUTCH_ROWS: readonly Row[] = [
  ['Amsterdam', 1011, 1109, '020', 40],
  ['Rotterdam', 3011, 3089, '010', 30],
  ['Den Haag', 2491, 2599, '070', 24],
  ['Utrecht', 3511, 3585, '030', 20],
  ['Eindhoven', 5611, 5658, '040', 12],
  ['Groningen', 9711, 9747, '050', 11],
  ['Tilburg', 5011, 5049, '013', 10],
  ['Almere', 1311, 1363, '036', 9],
  ['Breda', 4811, 4839, '076', 9],
  ['Nijmegen', 6511, 6546, '024', 9],
  ['Apeldoorn', 7311, 7339, '055', 8],
  ['Haarlem', 2011, 2037, '023', 8],
  ['Arnhem', 6811, 6846, '026', 8],
  ['Enschede', 7511, 7548, '053', 8],
  ['Amersfoort', 3811, 3829, '033', 8],
  ['Zaandam', 1501, 1509, '075', 6],
  ["'s-Hertogenbosch", 5211, 5237, '073', 7],
  ['Zwolle', 8011, 8043, '038', 7],
  ['Leiden', 2311, 2334, '071', 6],
  ['Maastricht', 6211, 6229, '043', 6],
  ['Dordrecht', 3311, 3329, '078', 6],
  ['Alkmaar', 1811, 1834, '072', 5],
  ['Delft', 2611, 2629, '015', 5],
  ['Deventer', 7411, 7429, '0570', 5],
  ['Leeuwarden', 8911, 8941, '058', 5],
  ['Hilversum', 1211, 1223, '035', 4],
  ['Venlo', 5911, 5928, '077', 4],
  ['Middelburg', 4331, 4336, '0118', 2],
  ['Assen', 9401, 9409, '0592', 3],
  ['Lelystad', 8211, 8245, '0320', 3],
  ['Gouda', 2801, 2809, '0182', 3],
  ['Emmen', 7811, 7828, '0591', 3],
  ['Hoorn', 1621, 1628, '0229', 3],
  ['Roermond', 6041, 6046, '0475', 2],
  ['Oss', 5341, 5351, '0412', 3],
  ['Helmond', 5701, 5709, '0492', 3],
  ['Heerlen', 6411, 6422, '045', 3],
  ['Ede', 6711, 6718, '0318', 3],
  ['Veenendaal', 3901, 3907, '0318', 2],
  ['Harderwijk', 3841, 3849, '0341', 2],
  ['Zutphen', 7201, 7206, '0575', 2],
  ['Meppel', 7941, 7944, '0522', 1],
  ['Sneek', 8601, 8608, '0515', 1],
  ['Goes', 4461, 4465, '0113', 1],
  ['Volendam', 1131, 1132, '0299', 1],
  ['Den Helder', 1781, 1789, '0223', 2],
  ['Purmerend', 1441, 1448, '0299', 2],
  ['Doetinchem', 7001, 7009, '0314', 2],
  ['Kampen', 8261, 8267, '038', 1],
  ['Heerenveen', 8441, 8449, '0513', 1],
  ['Bergen op Zoom', 4611, 4625, '0164', 2],
  ['IJmuiden', 1971, 1976, '0255', 1],
  ['IJsselstein', 3401, 3404, '030', 1],
  ['Nieuw-Vennep', 2151, 2153, '0252', 1],
  ['Ouderkerk aan de Amstel', 1191, 1191, '020', 1],
  ['Hellevoetsluis', 3221, 3227, '0181', 1],
  ['Ootmarsum', 7631, 7631, '0541', 1],
  ['Sint-Michielsgestel', 5271, 5271, '073', 1],
  ['Wijk bij Duurstede', 3961, 3962, '0343', 1],
  ['Capelle aan den IJssel', 2901, 2909, '010', 2],
];

const BELGIAN_ROWS: readonly Row[] = [
  ['Antwerpen', 2000, 2060, '3', 4],
  ['Gent', 9000, 9052, '9', 3],
  ['Brussel', 1000, 1210, '2', 3],
  ['Leuven', 3000, 3012, '16', 1],
  ['Brugge', 8000, 8310, '50', 1],
  ['Hasselt', 3500, 3512, '11', 1],
  ['Liège', 4000, 4032, '4', 1],
];

const GERMAN_ROWS: readonly Row[] = [
  ['Düsseldorf', 40210, 40629, '211', 3],
  ['Köln', 50667, 51149, '221', 3],
  ['Aachen', 52062, 52080, '241', 2],
  ['Kleve', 47533, 47533, '2821', 1],
  ['Berlin', 10115, 14199, '30', 2],
  ['Münster', 48143, 48167, '251', 1],
  ['Emmerich am Rhein', 46446, 46446, '2822', 1],
];

export const DUTCH_PLACES: readonly Place[] = DUTCH_ROWS.map(place('NL'));
export const BELGIAN_PLACES: readonly Place[] = BELGIAN_ROWS.map(place('BE'));
export const GERMAN_PLACES: readonly Place[] = GERMAN_ROWS.map(place('DE'));
