import { wordList } from './word-list';

/** Dutch first names and surnames (with the occasional non-Dutch one, as in any Dutch administration). */

export const FIRST_NAMES = wordList(`
  Jan, Piet, Kees, Henk, Gerrit, Willem, Johan, Ruud, Joost, Wouter, Bram, Thijs, Daan, Sem, Lucas,
  Noah, Levi, Finn, Jesse, Milan, Sven, Ruben, Niels, Jeroen, Maarten, Bas, Rik, Koen, Stijn, Tim,
  Martijn, Erik, Frank, Marco, Dennis, Arjen, Anouk, Sanne, Fleur, Lotte, Emma, Julia, Tess, Sophie,
  Eline, Iris, Saskia, Marieke, Ingrid, Annemiek, Femke, Lieke, Roos, Noor, Esther, Monique, Petra,
  Karin, Linda, Wendy, Ilse, Mirjam, Hanneke, Jolanda, Yvonne, Anke, Nienke, Mohammed, Fatima,
  Youssef, Samira, Hüseyin, Ayşe, Zoë, Chloé, Renée, René, Gijs, IJsbrand, Wim, Dirk, Hans, Ton,
  Marijke, Sjoerd, Tjitske, Hidde
`);

/** Surnames as written after a first name or initial (`van Dijk`); `capitalizeSurname` for other positions. */
export const SURNAMES = wordList(`
  de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, de Boer,
  Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra,
  Smits, de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, van den Heuvel,
  van der Veen, van den Broek, de Bruijn, de Bruin, van der Heijden, Schouten, van Beek, Willems,
  van Vliet, van de Ven, Hoekstra, Maas, Verhoeven, Koster, van Dam, van der Wal, Prins, Blom,
  Huisman, Peeters, de Jonge, Kuipers, van Veen, Post, Kuiper, Veenstra, Kramer, van den Brink,
  Scholten, van Wijk, Postma, Martens, Vink, de Ruiter, Timmermans, Groen, Gerritsen, Jonker,
  van Loon, Boer, van der Velde, Willemsen, Smeets, de Lange, de Vos, Bosch, van Dongen, Schipper,
  de Koning, van der Laan, Koning, van der Velden, Driessen, van Doorn, Hermans, Evers,
  van den Bosch, van der Meulen, Hofman, Bosman, Wolters, Sanders, van der Horst, Mertens, Kersten,
  Vedder, Wouters, Ouwehand, IJzerman, Bijl, van Rijn, van IJzendoorn, Zijlstra, Wijnands, Heijnen,
  van Rooij, Terpstra, Hoogendoorn, Verbeek, van Wijngaarden, Brinkman, van Oosten, Kloosterman,
  de Wilde, Steenbergen, van der Ploeg, Akkerman, Roelofs, Çelik, Öztürk, Yılmaz, El Amrani, Benali,
  Nguyen, Müller, Lefèvre, Dubois, Kowalski
`);

/** `van Dijk` → `Van Dijk`, for a surname that is not preceded by a first name or initial. */
export function capitalizeSurname(surname: string): string {
  return surname.charAt(0).toUpperCase() + surname.slice(1);
}
