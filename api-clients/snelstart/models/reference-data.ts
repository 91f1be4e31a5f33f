import { z } from 'zod';
import { btwSoortSchema, flag, guidSchema, text, wallClock, whole } from './common';

const GROOTBOEKFUNCTIES = [
  'Diversen',
  'DagboekKas',
  'DagboekBank',
  'DagboekGiro',
  'DagboekVerkoop',
  'DagboekInkoop',
  'DagboekMemoriaal',
  'DagboekBalans',
  'VerkopenOmzetOnbelastVerlegd',
  'VerkopenOmzetLaag',
  'VerkopenOmzetHoog',
  'VerkopenOmzetOverig',
  'VerkopenBtwVrij',
  'BtwAfteDragenLaag',
  'BtwAfTeDragenHoog',
  'BtwAfTeDragenOverig',
  'BtwAfTeDragenVerlegdVerkopen',
  'BtwTeVorderenVerlegd',
  'BtwAfteDragenLaagGlobalisatie',
  'BtwAfTeDragenHoogGlobalisatie',
  'BtwAfTeDragenOverigGlobalisatie',
  'InkopenKostenAlleBtwTarieven',
  'InkopenKostenLaag',
  'InkopenKostenHoog',
  'InkopenKostenOverig',
  'InkopenVraagPosten',
  'BtwTeVorderenLaag',
  'BtwTeVorderenHoog',
  'BtwTeVorderenOverig',
  'BtwAfTeDragenVerlegdInkopen',
  'BtwTeVorderenVerlegdInkopen',
  'InkopenImportBinnenEUlaag',
  'InkopenImportBinnenEUhoog',
  'InkopenImportBinnenEUoverig',
  'InkopenImportBuitenEUlaag',
  'InkopenImportBuitenEUhoog',
  'InkopenImportBuitenEUoverig',
  'VerkopenExportBinnenEU',
  'VerkopenExportBuitenEU',
  'OninbareVorderingen',
  'HerrekeningCorrecties',
  'InstallatieTeleverkoopBinnenEUgeen',
  'BpmVerkopen',
  'BpmInkopen',
  'BpmVoorraad',
  'DienstverleningBinnenEU',
  'VerkoopGlobalisatieLaag',
  'VerkoopGlobalisatieHoog',
  'VerkoopGlobalisatieOverig',
  'InkoopGlobalisatieLaag',
  'InkoopGlobalisatieHoog',
  'InkoopGlobalisatieOverig',
  'BtwGlobalisatie',
  'KredietbeperkingVerkopen',
  'KredietbeperkingInkopen',
  'Betalingskorting',
  'TussenrekeningBetalingen',
  'OnbekendeBetalingen',
  'Kruisposten',
  'ContanteBetaling',
  'ElectronischeBetaling',
  'Winstboeking',
] as const;

/** GrootboekModel: a ledger account; `btwSoort` lists the VAT kinds it allows. */
export const grootboekSchema = z.looseObject({
  id: guidSchema,
  uri: text,
  modifiedOn: wallClock,
  omschrijving: text,
  kostenplaatsVerplicht: flag,
  rekeningCode: z.enum(['Balans', 'WinstEnVerlies']).nullish(),
  nonactief: flag,
  nummer: whole,
  grootboekfunctie: z.enum(GROOTBOEKFUNCTIES).nullish(),
  grootboekRubriek: text,
  rgsCode: z.array(z.looseObject({ versie: text, rgsCode: text })).nullish(),
  btwSoort: z.array(btwSoortSchema).nullish(),
  vatRateCode: text,
});
export type Grootboek = z.infer<typeof grootboekSchema>;

/** BtwTariefModel: one period of one VAT kind's percentage (GET /btwtarieven is a history). */
export const btwTariefSchema = z.looseObject({
  btwSoort: btwSoortSchema,
  btwPercentage: z.number(),
  datumVanaf: wallClock,
  datumTotEnMet: wallClock,
});
export type BtwTarief = z.infer<typeof btwTariefSchema>;

/** LandModel: `landcode` is ISO 3166 alpha-2 (NL), `landcodeISO` alpha-3 (NLD). */
export const landSchema = z.looseObject({
  id: guidSchema,
  uri: text,
  naam: text,
  landcodeISO: text,
  landcode: text,
});
export type Land = z.infer<typeof landSchema>;
