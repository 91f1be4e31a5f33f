import { wordList } from './word-list';

/** Street names found in almost every Dutch town. */
export const COMMON_DUTCH_STREETS = wordList(`
  Kerkstraat, Dorpsstraat, Molenweg, Stationsweg, Stationsstraat, Schoolstraat, Nieuwstraat,
  Hoofdstraat, Markt, Julianastraat, Wilhelminastraat, Beatrixlaan, Oranjelaan, Prins Bernhardlaan,
  Industrieweg, Nijverheidsweg, Ambachtsweg, Handelsweg, Edisonstraat, Marconistraat, Einsteinlaan,
  Parallelweg, Kanaalweg, Havenstraat, Zuiderhaven, Dijkweg, Eikenlaan, Beukenlaan, Lindelaan,
  Kastanjelaan, Berkenlaan, Populierenlaan, Wilgenlaan, Vlierstraat, Rozenstraat, Tulpstraat,
  Narcisstraat, Zonnebloemstraat, Merelstraat, Zwaluwstraat, Kievitlaan, Meeuwenlaan, Spoorlaan,
  Graaf Florislaan, Koningin Julianaweg, Prinses Margrietlaan, Van Heemstraweg, Van 't Hoffstraat,
  Willem de Zwijgerlaan, Burgemeester Kessensingel, Burgemeester van Nispen van Sevenaerstraat,
  Korte Nieuwstraat, Lange Kerkstraat, Achterweg, Voorstraat, Veldweg, Weverstraat, Smidsstraat,
  Bedrijvenpark, Zuiderweg, Noorderweg, Oosteinde, Westeinde, Sportlaan, Parkweg, Rijksstraatweg,
  De Run, Vlietweg, Energieweg, Transportweg, Ekkersrijt, Koperslagerstraat, Zilverstraat,
  Loodsweg, Pascalstraat, Keplerlaan, Hogeweg, Het Sterrenbeeld, Laan van Westenenk
`);

/** Streets that belong to one city (numbered streets such as `2e Helmersstraat` included). */
export const CITY_STREETS: Readonly<Record<string, readonly string[]>> = {
  Amsterdam: wordList(`
    1e Helmersstraat, 2e Helmersstraat, 3e Hugo de Grootstraat, 1e Constantijn Huygensstraat,
    2e Jan van der Heijdenstraat, 1e Jacob van Campenstraat, Tweede Kostverlorenkade,
    Eerste Oosterparkstraat, Keizersgracht, Prinsengracht, Herengracht, Singel, Damrak, Rokin,
    Stadhouderskade, Overtoom, Van Baerlestraat, Haarlemmerdijk, Javastraat, Buikslotermeerplein,
    De Boelelaan, Joan Muyskenweg, Gustav Mahlerlaan, Laan van Nieuw Oost-Indië
  `),
  Rotterdam: wordList(`
    Coolsingel, Witte de Withstraat, Weena, Lijnbaan, Nieuwe Binnenweg, 's-Gravendijkwal,
    Boompjes, Wilhelminakade, Kralingse Plaslaan, 2e Middellandstraat, Goudsesingel, Vasteland
  `),
  'Den Haag': wordList(`
    Laan van Meerdervoort, Lange Voorhout, Prinsegracht, Frederik Hendriklaan, Javastraat,
    Koninginnegracht, Binckhorstlaan, Laan van Nieuw Oost-Indië, 2e Schuytstraat
  `),
  Utrecht: wordList(`
    Oudegracht, Nieuwegracht, Catharijnesingel, Vredenburg, Biltstraat, Amsterdamsestraatweg,
    Kanaalstraat, Europalaan, Croeselaan, 2e Daalsedijk
  `),
  Eindhoven: wordList(`Stratumseind, Kruisstraat, Vestdijk, Strijpsestraat, Kastanjelaan, Hurksestraat`),
  Groningen: wordList(`Vismarkt, Grote Markt, Herestraat, Oosterstraat, Zernikelaan, Eemskanaal NZ`),
  Maastricht: wordList(`Vrijthof, Boschstraat, Avenue Céramique, Wilhelminasingel, Brusselsestraat`),
  Leiden: wordList(`Hoge Rijndijk, Breestraat, Haarlemmerstraat, Rapenburg, Plesmanlaan`),
};

/** Streets of the Belgian and German places (foreign relations are few). */
export const FOREIGN_CITY_STREETS: Readonly<Record<string, readonly string[]>> = {
  Antwerpen: wordList(`Meir, De Keyserlei, Frankrijklei, Italiëlei, Noorderlaan`),
  Gent: wordList(`Veldstraat, Korenmarkt, Kouter, Dok Noord, Brusselsesteenweg`),
  Brussel: wordList(`Rue de la Loi, Avenue Louise, Chaussée d'Ixelles, Boulevard Anspach`),
  Leuven: wordList(`Bondgenotenlaan, Tiensestraat, Diestsesteenweg`),
  Brugge: wordList(`Steenstraat, Zuidzandstraat, Kolvestraat`),
  Hasselt: wordList(`Kuringersteenweg, Demerstraat, Kempische Steenweg`),
  Liège: wordList(`Rue Léopold, Boulevard de la Sauvenière, Quai de Rome`),
  Düsseldorf: wordList(`Königsallee, Schadowstraße, Kaiserswerther Straße, Graf-Adolf-Straße`),
  Köln: wordList(`Hohe Straße, Schildergasse, Aachener Straße, Industriestraße`),
  Aachen: wordList(`Pontstraße, Theaterstraße, Jülicher Straße`),
  Kleve: wordList(`Große Straße, Hoffmannallee, Bahnhofstraße`),
  Berlin: wordList(`Friedrichstraße, Kurfürstendamm, Torstraße, Hauptstraße`),
  Münster: wordList(`Prinzipalmarkt, Hammer Straße, Weseler Straße`),
  'Emmerich am Rhein': wordList(`Steinstraße, Kaßstraße, Rheinpromenade`),
};
