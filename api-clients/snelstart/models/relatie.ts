import { z } from 'zod';
import {
  amount,
  flag,
  guidSchema,
  identifierInput,
  identifierSchema,
  text,
  wallClock,
  whole,
} from './common';
import { documentReferenceSchema } from './document';

export const relatiesoortSchema = z.enum(['Klant', 'Leverancier', 'Eigen']);
export type Relatiesoort = z.infer<typeof relatiesoortSchema>;

const aanmaningsoortSchema = z.enum(['Nee', 'Onderneming', 'Consument']);
const incassoSoortSchema = z.enum(['Geen', 'Core', 'B2B']);

/** AdresModel: `straat` holds street, house number and addition in one string. */
export const adresSchema = z.looseObject({
  contactpersoon: text,
  straat: text,
  postcode: text,
  plaats: text,
  land: identifierSchema.nullish(),
});

export const adresInput = z.object({
  contactpersoon: text,
  straat: text,
  postcode: text,
  plaats: text,
  land: identifierInput.nullish(),
});

const emailVersturenSchema = z.looseObject({ shouldSend: flag, email: text, ccEmail: text });
const emailVersturenInput = z.object({ shouldSend: flag, email: text, ccEmail: text });

const extraVeldSchema = z.looseObject({ naam: text, waarde: text });

/** RelatieModel as read from GET /relaties and /relaties/{id}. */
export const relatieSchema = z.looseObject({
  id: guidSchema,
  uri: text,
  modifiedOn: wallClock,
  relatiesoort: z.array(relatiesoortSchema),
  relatiecode: whole,
  naam: text,
  vestigingsAdres: adresSchema.nullish(),
  correspondentieAdres: adresSchema.nullish(),
  telefoon: text,
  mobieleTelefoon: text,
  fax: text,
  email: text,
  btwNummer: text,
  factuurkorting: amount,
  krediettermijn: whole,
  bankieren: flag,
  nonactief: flag,
  kredietLimiet: amount,
  memo: text,
  kvkNummer: text,
  oin: text,
  websiteUrl: text,
  aanmaningsoort: aanmaningsoortSchema.nullish(),
  offerteEmailVersturen: emailVersturenSchema.nullish(),
  bevestigingsEmailVersturen: emailVersturenSchema.nullish(),
  factuurEmailVersturen: emailVersturenSchema.nullish(),
  aanmaningEmailVersturen: emailVersturenSchema.nullish(),
  offerteAanvraagEmailVersturen: emailVersturenSchema.nullish(),
  bestellingEmailVersturen: emailVersturenSchema.nullish(),
  ublBestandAlsBijlage: flag,
  iban: text,
  bic: text,
  incassoSoort: incassoSoortSchema.nullish(),
  factuurRelatie: identifierSchema.nullish(),
  inkoopBoekingenUri: text,
  verkoopBoekingenUri: text,
  documents: z.array(documentReferenceSchema).nullish(),
  extraVeldenKlant: z.array(extraVeldSchema).nullish(),
});
export type Relatie = z.infer<typeof relatieSchema>;

/**
 * RelatieWriteModel: what POST and PUT /relaties accept. Parsing through it drops every read-only
 * field (uri, modifiedOn, fax, the boekingen uris, documents, extra velden). Lengths and business
 * rules are left to SnelStart, which answers them with its own error codes.
 */
export const relatieWriteSchema = z.object({
  id: guidSchema.optional(),
  relatiesoort: z.array(relatiesoortSchema).optional(),
  relatiecode: whole,
  naam: text,
  vestigingsAdres: adresInput.nullish(),
  correspondentieAdres: adresInput.nullish(),
  telefoon: text,
  mobieleTelefoon: text,
  email: text,
  btwNummer: text,
  factuurkorting: amount,
  krediettermijn: whole,
  bankieren: flag,
  nonactief: flag,
  kredietLimiet: amount,
  memo: text,
  kvkNummer: text,
  oin: text,
  websiteUrl: text,
  aanmaningsoort: aanmaningsoortSchema.nullish(),
  offerteEmailVersturen: emailVersturenInput.nullish(),
  bevestigingsEmailVersturen: emailVersturenInput.nullish(),
  factuurEmailVersturen: emailVersturenInput.nullish(),
  aanmaningEmailVersturen: emailVersturenInput.nullish(),
  offerteAanvraagEmailVersturen: emailVersturenInput.nullish(),
  bestellingEmailVersturen: emailVersturenInput.nullish(),
  ublBestandAlsBijlage: flag,
  iban: text,
  bic: text,
  incassoSoort: incassoSoortSchema.nullish(),
  factuurRelatie: identifierInput.nullish(),
});
export type RelatieWrite = z.input<typeof relatieWriteSchema>;

/** DoorlopendeIncassoMachtigingModel (read-only; SnelStart offers no way to create one). */
export const doorlopendeIncassoMachtigingSchema = z.looseObject({
  id: guidSchema,
  uri: text,
  kenmerk: text,
  afsluitDatum: wallClock,
  omschrijving: text,
  klant: identifierSchema.nullish(),
  intrekkingsDatum: wallClock,
});
export type DoorlopendeIncassoMachtiging = z.infer<typeof doorlopendeIncassoMachtigingSchema>;
