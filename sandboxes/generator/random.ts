// Built-ins are read once into module constants: in VM contexts (test runners) every global lookup is slow.
const { floor, imul } = Math;
const fromCharCode = String.fromCharCode;
/** 10^n for n = 0..9. */
const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

/**
 * Seeded pseudo-random source (sfc32, seeded through splitmix32). Everything the generator produces
 * comes from here, so the same seed always yields the same data. Separate streams keep one part of
 * the output stable when the size of another part changes.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    let state = (seed ^ imul(stream + 1, 0x9e3779b9)) >>> 0;
    const splitmix = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = imul(z ^ (z >>> 16), 0x85ebca6b);
      z = imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix();
    this.b = splitmix();
    this.c = splitmix();
    this.d = splitmix();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** Uniform unsigned 32-bit integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [0, maxExclusive). */
  int(maxExclusive: number): number {
    return floor(this.next() * maxExclusive);
  }

  /** Uniform integer in [min, max], both inclusive. */
  range(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('cannot pick from an empty list');
    return item;
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = floor(this.next() * (i + 1));
      const swap = items[i] as T;
      items[i] = items[j] as T;
      items[j] = swap;
    }
    return items;
  }

  /** A string of `length` decimal digits (leading zeros allowed). */
  digits(length: number): string {
    let out = '';
    for (let remaining = length; remaining > 0; remaining -= 9) {
      const chunk = remaining > 9 ? 9 : remaining;
      out += `${this.int(POWERS_OF_TEN[chunk] as number)}`.padStart(chunk, '0');
    }
    return out;
  }

  /** A version-4-shaped UUID drawn from this stream. */
  uuid(): string {
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const d = this.uint32();
    writeHex(a, 0, 8);
    writeHex(b >>> 16, 9, 4);
    writeHex((b & 0x0fff) | 0x4000, 14, 4);
    writeHex(((c >>> 16) & 0x3fff) | 0x8000, 19, 4);
    writeHex(c & 0xffff, 24, 4);
    writeHex(d, 28, 8);
    // One flat string from char codes: far cheaper for memory and GC than concatenated pieces.
    return fromCharCode(...UUID_CHAR_CODES);
  }
}

const HEX_CHAR_CODES: readonly number[] = Array.from('0123456789abcdef', (digit) => digit.charCodeAt(0));
/** Scratch buffer for `uuid()`: 36 char codes, the dashes already in place. */
const UUID_CHAR_CODES: number[] = new Array<number>(36).fill('-'.charCodeAt(0));

function writeHex(value: number, position: number, digits: number): void {
  let rest = value;
  for (let k = digits - 1; k >= 0; k--) {
    UUID_CHAR_CODES[position + k] = HEX_CHAR_CODES[rest & 15] as number;
    rest >>>= 4;
  }
}

/** Draws items with fixed relative weights. */
export class WeightedList<T> {
  private readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new RangeError('a weighted list needs at least one entry');
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], index) => {
      sum += weight;
      this.cumulative[index] = sum;
    });
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.cumulative[mid] as number) > target) high = mid;
      else low = mid + 1;
    }
    return this.items[low] as T;
  }
}
