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
import { adresInput, adresSchema } from './relatie';

const procesStatusSchema = z.enum([
  'Order',
  'Offerte',
  'Bevestiging',
  'Werkbon',
  'Pakbon',
  'Afhaalbon',
  'Contantbon',
  'Factuur',
]);
const btwIngaveSchema = z.enum(['Inclusief', 'Exclusief']);
const verkoopOrderStatusSchema = z.enum(['InBehandeling', 'Uitgevoerd', 'Service']);

const ingaveGegevenSchema = z.looseObject({ veldNummer: whole, omschrijving: text, waarde: text });
const ingaveGegevenInput = z.object({ veldNummer: z.number().int(), waarde: text });

const orderregelSchema = z.looseObject({
  artikel: identifierSchema.nullish(),
  omschrijving: text,
  stuksprijs: amount,
  aantal: amount,
  kortingsPercentage: amount,
  totaal: amount,
  extraRegelVelden: z.array(ingaveGegevenSchema).nullish(),
});

/** VerkoopOrderModel as read back. */
export const verkooporderSchema = z.looseObject({
  id: guidSchema,
  uri: text,
  modifiedOn: wallClock,
  relatie: identifierSchema,
  procesStatus: procesStatusSchema.nullish(),
  nummer: whole,
  datum: wallClock,
  krediettermijn: whole,
  geblokkeerd: flag,
  omschrijving: text,
  betalingskenmerk: text,
  incassomachtiging: identifierSchema.nullish(),
  afleveradres: adresSchema.nullish(),
  factuuradres: adresSchema.nullish(),
  verkooporderBtwIngaveModel: btwIngaveSchema.nullish(),
  kostenplaats: identifierSchema.nullish(),
  regels: z.array(orderregelSchema).nullish(),
  memo: text,
  orderreferentie: text,
  factuurkorting: amount,
  verkoopfactuur: identifierSchema.nullish(),
  verkoopordersjabloon: identifierSchema.nullish(),
  verkoopOrderStatus: verkoopOrderStatusSchema.nullish(),
  totaalExclusiefBtw: amount,
  totaalInclusiefBtw: amount,
  extraHoofdVelden: z.array(ingaveGegevenSchema).nullish(),
});
export type Verkooporder = z.infer<typeof verkooporderSchema>;

/**
 * VerkoopOrderModel as POST accepts it: `nummer` stays empty (SnelStart assigns it, VOR-0005);
 * VAT is computed by SnelStart from each artikel's omzetgroep.
 */
export const verkooporderWriteSchema = z.object({
  id: guidSchema.optional(),
  relatie: identifierInput,
  procesStatus: procesStatusSchema.nullish(),
  datum: z.string(),
  krediettermijn: whole,
  geblokkeerd: flag,
  omschrijving: text,
  betalingskenmerk: text,
  incassomachtiging: identifierInput.nullish(),
  afleveradres: adresInput.nullish(),
  factuuradres: adresInput.nullish(),
  verkooporderBtwIngaveModel: btwIngaveSchema.nullish(),
  kostenplaats: identifierInput.nullish(),
  regels: z
    .array(
      z.object({
        artikel: identifierInput.nullish(),
        omschrijving: text,
        stuksprijs: amount,
        aantal: z.number(),
        kortingsPercentage: amount,
        extraRegelVelden: z.array(ingaveGegevenInput).nullish(),
      }),
    )
    .optional(),
  memo: text,
  orderreferentie: text,
  factuurkorting: amount,
  verkoopordersjabloon: identifierInput.nullish(),
  verkoopOrderStatus: verkoopOrderStatusSchema.nullish(),
  extraHoofdVelden: z.array(ingaveGegevenInput).nullish(),
});
export type VerkooporderWrite = z.input<typeof verkooporderWriteSchema>;

const sjabloonVeldSchema = z.looseObject({
  veldNummer: whole,
  omschrijving: text,
  ingaveMasker: text,
  soortVeld: z
    .enum([
      'GeheelGetal',
      'Bedrag',
      'Datum',
      'Tekst',
      'Klant',
      'Leverancier',
      'Artikel',
      'Artikelgroep',
      'Land',
      'Factuur',
      'Grootboekrekening',
    ])
    .nullish(),
  maximumTekstLengte: whole,
});

/** VerkoopOrderSjabloonModel: the template a sales order is created with. */
export const verkoopordersjabloonSchema = z.looseObject({
  id: guidSchema,
  uri: text,
  omschrijving: text,
  nonactief: flag,
  prijsIngaveExclusiefBtw: flag,
  nieuweOrdersBlokkeren: flag,
  extraHoofdVelden: z.array(sjabloonVeldSchema).nullish(),
  extraRegelVelden: z.array(sjabloonVeldSchema).nullish(),
});
export type Verkoopordersjabloon = z.infer<typeof verkoopordersjabloonSchema>;
