import { z } from 'zod';
import { amount, flag, guidSchema, identifierSchema, text, wallClock, whole } from './common';

const periodeSchema = z.enum(['Maand', 'Kwartaal', 'Jaar']);

/** CompanyInfoModel: the administration's own details and settings (GET /companyInfo). */
export const companyInfoSchema = z.looseObject({
  administratieIdentifier: guidSchema.nullish(),
  administratieNaam: text,
  bedrijfsnaam: text,
  contactpersoon: text,
  adres: text,
  postcode: text,
  plaats: text,
  telefoon: text,
  mobieleTelefoon: text,
  fax: text,
  bankrekeningnummer: text,
  iban: text,
  bic: text,
  rechtsvorm: z.enum(['NotSet', 'Eenmanszaak', 'Vof', 'Bv', 'Nv', 'Overige']).nullish(),
  btwNummer: text,
  btwIdentificatieNummer: text,
  kvKNummer: text,
  email: text,
  website: text,
  huidigBoekjaar: whole,
  beginmaandFiscaleBoekjaar: whole,
  btwAangiftePeriodeSoort: periodeSchema.nullish(),
  icpAangiftePeriodeSoort: periodeSchema.nullish(),
  kleineOndernemersregeling: z
    .looseObject({
      isKleineOndernemersRegelingActief: flag,
      maximaalBedragVolledigeVerrekening: amount,
      maximaalBedragKleineOndernemersRegeling: amount,
    })
    .nullish(),
  volgendFactuurnummer: whole,
  volgendVerkoopordernummer: whole,
  factuurAlsBijlageVerkoopboeking: flag,
  artikelcodeSoort: z.enum(['Numeriek', 'Alfanumeriek']).nullish(),
  artikelcodeMaxLengte: whole,
  begindatumVoorraadtelling: wallClock,
  buitenlandseBtwGrootboek: identifierSchema.nullish(),
  factureerBuitenlandsBtw: flag,
  factureerBuitenlandsBtwRanges: z.array(z.looseObject({ from: whole, to: whole })).nullish(),
});
export type CompanyInfo = z.infer<typeof companyInfoSchema>;
