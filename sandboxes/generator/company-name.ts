import { Random, WeightedList } from './random';
import {
  FOUNDATION_CAUSES,
  INTERNATIONAL_NAMES,
  LEGAL_FORMS,
  PREFIXES,
  SECTORS,
  TRADES,
} from './words/company-words';
import { FIRST_NAMES, SURNAMES, capitalizeSurname } from './words/person-names';

/** SnelStart limits `naam` to 50 characters. */
export const MAX_NAAM_LENGTH = 50;

/** Initial as the Dutch write it: `J.`, and `IJ.` for IJsbrand. */
export function initialOf(firstName: string): string {
  return firstName.startsWith('IJ') ? 'IJ.' : `${firstName.charAt(0)}.`;
}

/** Draws Dutch organisation names: trade + family name, brand + sector, partnerships, holdings, foundations. */
export class CompanyNameFactory {
  private readonly legalForms = new WeightedList(LEGAL_FORMS);

  constructor(private readonly random: Random) {}

  next(city: string): string {
    const r = this.random;
    const roll = r.next();
    if (roll < 0.3) return this.withLegalForm(`${r.pick(TRADES)} ${this.familyName()}`);
    if (roll < 0.58) return this.withLegalForm(this.brand());
    if (roll < 0.68) {
      const partner = r.pick([' V.O.F.', ' Advocaten', ' Accountants', ' B.V.', '', ' Notarissen']);
      return fit(`${this.familyName()} & ${this.familyName()}${partner}`);
    }
    if (roll < 0.74) return fit(`${this.familyName()} Holding B.V.`);
    if (roll < 0.85) return fit(this.personFirm());
    if (roll < 0.91) return this.withLegalForm(`${this.familyName()} ${city}`);
    if (roll < 0.96) {
      const kind = r.chance(0.7) ? 'Stichting' : 'Vereniging';
      return fit(`${kind} ${r.pick(FOUNDATION_CAUSES)} ${city}`);
    }
    return fit(r.pick(INTERNATIONAL_NAMES));
  }

  private brand(): string {
    const prefix = this.random.pick(PREFIXES);
    const sector = this.random.pick(SECTORS);
    return sector.compound && this.random.chance(0.4)
      ? `${prefix}${sector.word.toLowerCase()}`
      : `${prefix} ${sector.word}`;
  }

  private personFirm(): string {
    const r = this.random;
    const first = r.pick(FIRST_NAMES);
    const surname = r.pick(SURNAMES);
    switch (r.int(4)) {
      case 0:
        return `${initialOf(first)} ${surname} ${r.pick(SECTORS).word}`;
      case 1:
        return `Fam. ${capitalizeSurname(surname)}`;
      case 2:
        return `${r.pick(TRADES)} ${initialOf(first)} ${surname}`;
      default:
        return `${first} ${surname} ${r.pick(['Advies', 'Fotografie', 'Coaching', 'Klussen', 'Design'])}`;
    }
  }

  private familyName(): string {
    return capitalizeSurname(this.random.pick(SURNAMES));
  }

  private withLegalForm(base: string): string {
    const form = this.legalForms.pick(this.random);
    return fit(form === '' ? base : `${base} ${form}`);
  }
}

/** Keeps a name within 50 characters, cutting at a word boundary. */
export function fit(name: string): string {
  if (name.length <= MAX_NAAM_LENGTH) return name;
  const cut = name.lastIndexOf(' ', MAX_NAAM_LENGTH);
  return (cut > 0 ? name.slice(0, cut) : name.slice(0, MAX_NAAM_LENGTH)).trimEnd();
}
