import { wordList } from './word-list';

/** Building blocks for Dutch company names. */

/** `Bakkerij Jansen`, `Bouwbedrijf Van Dijk`. */
export const TRADES = wordList(`
  Bakkerij, Slagerij, Bouwbedrijf, Installatiebedrijf, Schildersbedrijf, Hoveniersbedrijf,
  Loodgietersbedrijf, Transportbedrijf, Autobedrijf, Garagebedrijf, Kapsalon, Fietsenmaker,
  Timmerbedrijf, Dakdekkersbedrijf, Administratiekantoor, Accountantskantoor, Advocatenkantoor,
  Notariskantoor, Makelaardij, Tandartspraktijk, Fysiotherapie, Drukkerij, Reclamebureau,
  Adviesbureau, Ingenieursbureau, Architectenbureau, Bloemisterij, Kwekerij, Melkveebedrijf,
  Metaalbewerking, Machinefabriek, Elektrotechniek, Rijschool, Schoonmaakbedrijf, Cateringbedrijf,
  Eetcafé, Brasserie, Café-Restaurant, Verhuisbedrijf, Koeriersdienst, Tegelzetbedrijf,
  Stukadoorsbedrijf, Glazenwasserij, Zonwering, Keukenstudio, Woninginrichting, Groothandel,
  Visgroothandel, Kaashandel, Wijnhandel, Slotenmaker, Aannemersbedrijf, Grondverzet, Loonbedrijf,
  Uitvaartverzorging, Opticien, Juwelier, Boekhandel, Dierenkliniek, Apotheek
`);

/** Brand-like first halves: `Delta Logistiek`, `Polderbouw`. */
export const PREFIXES = wordList(`
  Noord, Zuid, Oost, West, Delta, Polder, Dijk, Duin, Zee, Rijn, Maas, Waal, IJssel, Holland,
  Brabant, Veluwe, Kennemer, Amstel, Eem, Vecht, Linge, Kempen, Twente, Friesland, Groen, Blauw,
  Oranje, Zon, Wind, Water, Licht, Klaver, Tulp, Molen, Kasteel, Toren, Haven, Brug, Sluis, Kade,
  Anker, Kompas, Horizon, Vista, Nova, Prima, Optima, Flex, Smart, Digi, Techno, Eco, Bio, Pro, Top,
  Euro, Inter, Trans, Uni, Multi, Stad, Land, Hof, Ster, Eik, Linde, Berk, Wilg
`);

/** Second halves: `Delta Logistiek`; `compound` ones also glue onto a prefix (`Polderbouw`). */
export const SECTORS: readonly { readonly word: string; readonly compound: boolean }[] = [
  { word: 'Logistiek', compound: false },
  { word: 'Techniek', compound: true },
  { word: 'Installaties', compound: false },
  { word: 'Bouw', compound: true },
  { word: 'Advies', compound: true },
  { word: 'Consultancy', compound: false },
  { word: 'Software', compound: false },
  { word: 'IT Solutions', compound: false },
  { word: 'Media', compound: true },
  { word: 'Design', compound: false },
  { word: 'Finance', compound: false },
  { word: 'Vastgoed', compound: true },
  { word: 'Zorg', compound: true },
  { word: 'Energie', compound: true },
  { word: 'Solar', compound: false },
  { word: 'Automatisering', compound: false },
  { word: 'Communicatie', compound: false },
  { word: 'Events', compound: false },
  { word: 'Metaal', compound: true },
  { word: 'Kunststoffen', compound: false },
  { word: 'Verpakkingen', compound: false },
  { word: 'Handel', compound: true },
  { word: 'Import & Export', compound: false },
  { word: 'Transport', compound: true },
  { word: 'Mobility', compound: false },
  { word: 'Facilitair', compound: false },
  { word: 'Beveiliging', compound: false },
  { word: 'Interieur', compound: false },
  { word: 'Print', compound: true },
  { word: 'Marketing', compound: false },
  { word: 'Recruitment', compound: false },
  { word: 'Detachering', compound: false },
  { word: 'Tuinen', compound: true },
  { word: 'Food', compound: false },
  { word: 'Dranken', compound: false },
  { word: 'Staal', compound: true },
  { word: 'Glas', compound: true },
  { word: 'Hout', compound: true },
  { word: 'Data', compound: false },
  { word: 'Zuivel', compound: true },
];

/** Legal forms with their relative frequency; '' is an eenmanszaak without a suffix. */
export const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['B.V.', 45],
  ['', 22],
  ['V.O.F.', 10],
  ['Holding B.V.', 4],
  ['N.V.', 1],
  ['C.V.', 1],
  ['& Zn.', 2],
  ['& Co', 1],
  ['BV', 6],
  ['bv', 2],
  ['Groep B.V.', 2],
  ['Nederland B.V.', 2],
  ['Beheer B.V.', 2],
];

/** Suffixes that read as legal forms; stripped when a name is turned into a domain name. */
export const LEGAL_FORM_WORDS: ReadonlySet<string> = new Set(
  wordList(`
    b.v., bv, v.o.f., vof, n.v., nv, c.v., cv, holding, &, zn., co, groep, nederland, beheer,
    stichting, vereniging, gmbh, sprl, srl, fam.
  `),
);

/** Organisations that are not companies. */
export const FOUNDATION_CAUSES = wordList(`
  Voedselbank, Muziekschool, Kinderopvang, Sportpark, Dorpshuis, Zwembad, Museum, Scouting,
  Tennisvereniging, Voetbalvereniging, Harmonie, Buurtzorg, Speeltuin
`);

/** The odd name with diacritics or another script, as real administrations have. */
export const INTERNATIONAL_NAMES = wordList(`
  Café De Zwaan, Brasserie L'Étoile, Crêperie Bretagne, IJssalon Venezia, Sushi 寿司 Zaandam,
  Taverna Ολυμπία, Bäckerei Schäfer, Müller Maschinenbau GmbH, Pâtisserie Chez Hélène,
  Restaurant Ñandú, Döner Palace Öztürk, Hôtel Café Belvédère, Ресторан Самовар, Wok 好味 Express,
  Smørrebrød Købmand, IJzerhandel Çelik, Zuiderzee Ĳsbrekers
`);
