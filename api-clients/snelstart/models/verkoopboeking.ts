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
import { documentReferenceSchema } from './document';

/** Document-level VAT kinds (a different vocabulary from the line-level `btwSoort`; mixing them is BOE-0082). */
export const verkoopBtwSoortSchema = z.enum([
  'Geen',
  'VerkopenLaag',
  'VerkopenHoog',
  'VerkopenOverig',
  'VerkopenVerlegd',
  'InkopenLaag',
  'InkopenHoog',
  'InkopenOverig',
]);
export type VerkoopBtwSoort = z.infer<typeof verkoopBtwSoortSchema>;

const eenmaligeIncassoMachtigingSchema = z.object({
  kenmerk: text,
  omschrijving: z.string(),
  datum: z.string(),
});

const boekingsregelSchema = z.looseObject({
  omschrijving: text,
  grootboek: identifierSchema.nullish(),
  kostenplaats: identifierSchema.nullish(),
  bedrag: amount,
  btwSoort: btwSoortSchema.nullish(),
});
const btwRegelSchema = z.looseObject({ btwSoort: verkoopBtwSoortSchema.nullish(), btwBedrag: amount });

/** VerkoopBoekingModel as read back. */
export const verkoopboekingSchema = z.looseObject({
  id: guidSchema,
  uri: text,
  modifiedOn: wallClock,
  boekstuk: text,
  gewijzigdDoorAccountant: flag,
  markering: flag,
  factuurdatum: wallClock,
  factuurnummer: z.string(),
  klant: identifierSchema,
  omschrijving: text,
  factuurbedrag: amount,
  betalingstermijn: whole,
  eenmaligeIncassoMachtiging: eenmaligeIncassoMachtigingSchema.loose().nullish(),
  doorlopendeIncassoMachtiging: identifierSchema.nullish(),
  boekingsregels: z.array(boekingsregelSchema),
  btw: z.array(btwRegelSchema).nullish(),
  documents: z.array(documentReferenceSchema).nullish(),
});
export type Verkoopboeking = z.infer<typeof verkoopboekingSchema>;

/**
 * VerkoopBoekingModel as POST accepts it. `factuurbedrag` is incl. btw and must equal the lines
 * (excl. btw) plus the btw totals to the cent (BOE-0039). There is no due date field: SnelStart
 * derives the verkoopfactuur's vervalDatum from `betalingstermijn` (days).
 */
export const verkoopboekingWriteSchema = z.object({
  id: guidSchema.optional(),
  boekstuk: text,
  factuurdatum: wallClock,
  factuurnummer: z.string(),
  klant: identifierInput,
  omschrijving: text,
  factuurbedrag: z.number(),
  betalingstermijn: whole,
  eenmaligeIncassoMachtiging: eenmaligeIncassoMachtigingSchema.nullish(),
  doorlopendeIncassoMachtiging: identifierInput.nullish(),
  boekingsregels: z.array(
    z.object({
      omschrijving: text,
      grootboek: identifierInput,
      kostenplaats: identifierInput.nullish(),
      bedrag: z.number(),
      btwSoort: btwSoortSchema,
    }),
  ),
  btw: z.array(z.object({ btwSoort: verkoopBtwSoortSchema, btwBedrag: z.number() })).optional(),
});
export type VerkoopboekingWrite = z.input<typeof verkoopboekingWriteSchema>;

/** VerkoopfactuurModel: read-only; one per verkoopboeking. `openstaandSaldo` shows payment. */
export const verkoopfactuurSchema = z.looseObject({
  id: guidSchema,
  uri: text,
  modifiedOn: wallClock,
  verkoopBoeking: identifierSchema.nullish(),
  openstaandSaldo: amount,
  factuurnummer: z.string(),
  vervalDatum: wallClock,
  relatie: identifierSchema.nullish(),
  factuurDatum: wallClock,
  factuurBedrag: amount,
  verkoopOrders: z.array(identifierSchema).nullish(),
});
export type Verkoopfactuur = z.infer<typeof verkoopfactuurSchema>;
