import { z } from 'zod';
import {
  amount,
  btwSoortSchema,
  flag,
  guidSchema,
  identifierInput,
  identifierSchema,
  text,
  wallClock,
  whole,
} from './common';

const extraVeldSchema = z.looseObject({ naam: text, waarde: text });
const subartikelSchema = z.looseObject({
  id: guidSchema.nullish(),
  uri: text,
  artikelcode: text,
  aantal: amount,
});

/** ArtikelQueryModel as read from GET /artikelen and /artikelen/{id}. */
export const artikelSchema = z.looseObject({
  id: guidSchema,
  uri: text,
  modifiedOn: wallClock,
  artikelcode: text,
  omschrijving: text,
  artikelOmzetgroep: identifierSchema.nullish(),
  verkoopprijs: amount,
  inkoopprijs: amount,
  eenheid: text,
  relatie: identifierSchema.nullish(),
  isNonActief: flag,
  voorraadControle: flag,
  technischeVoorraad: amount,
  vrijeVoorraad: amount,
  extraVelden: z.array(extraVeldSchema).nullish(),
  isHoofdartikel: flag,
  subartikelen: z.array(subartikelSchema).nullish(),
});
export type Artikel = z.infer<typeof artikelSchema>;

/**
 * ArtikelModel as POST and PUT /artikelen accept it; parsing through it drops the read-only stock,
 * composition and extra-field values. Ledger and VAT come from the artikelOmzetgroep.
 */
export const artikelWriteSchema = z.object({
  id: guidSchema.optional(),
  artikelcode: text,
  omschrijving: text,
  artikelOmzetgroep: identifierInput.nullish(),
  verkoopprijs: amount,
  inkoopprijs: amount,
  eenheid: text,
  relatie: identifierInput.nullish(),
  isNonActief: flag,
  voorraadControle: flag,
});
export type ArtikelWrite = z.input<typeof artikelWriteSchema>;

/** ArtikelOmzetGroepModel: decides an artikel's sales ledger and VAT kind. */
export const artikelOmzetGroepSchema = z.looseObject({
  id: guidSchema,
  uri: text,
  nummer: whole,
  omschrijving: text,
  verkoopGrootboekNederlandIdentifier: identifierSchema.nullish(),
  verkoopNederlandBtwSoort: btwSoortSchema.nullish(),
});
export type ArtikelOmzetGroep = z.infer<typeof artikelOmzetGroepSchema>;
