import { closeSync, openSync, writeSync } from 'node:fs';
import { hasSplices, splicedParts } from './spliced-strings';

const CHUNK_CHARS = 1 << 20;
/** Stands in for a spliced string while its record is serialised; JSON escapes it as `\u0000…`. */
const SPLICE_MARK = '\u0000spliced\u0000';
const QUOTED_SPLICE_MARK = JSON.stringify(SPLICE_MARK);

/**
 * Writes a seed object as compact JSON, byte-identical to `JSON.stringify(seed)`, but one record at a
 * time, so seeds far larger than the biggest string V8 can hold are fine, and strings assembled from
 * shared parts (see `spliced-strings`) are written part by part instead of being copied. Returns the
 * bytes written.
 */
export function writeSeedFile(path: string, seed: object): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  let buffer = '';
  const flush = (): void => {
    if (buffer.length > 0) bytes += writeSync(fd, buffer);
    buffer = '';
  };
  const write = (text: string): void => {
    if (text.length >= CHUNK_CHARS) {
      flush();
      bytes += writeSync(fd, text);
      return;
    }
    buffer += text;
    if (buffer.length >= CHUNK_CHARS) flush();
  };
  const writeValue = (value: unknown): void => {
    if (!hasSplices(value)) {
      write(JSON.stringify(value) ?? 'null');
      return;
    }
    const spliced: (readonly string[])[] = [];
    const json = JSON.stringify(value, function (this: object, key: string, member: unknown) {
      const parts = splicedParts(this, key);
      if (parts === undefined) return member;
      spliced.push(parts);
      return SPLICE_MARK;
    });
    json.split(QUOTED_SPLICE_MARK).forEach((piece, index) => {
      if (index > 0) {
        write('"');
        for (const part of spliced[index - 1] ?? []) write(part);
        write('"');
      }
      write(piece);
    });
  };
  try {
    write('{');
    let firstKey = true;
    for (const [key, value] of Object.entries(seed)) {
      if (value === undefined || typeof value === 'function') continue;
      write(`${firstKey ? '' : ','}${JSON.stringify(key)}:`);
      firstKey = false;
      if (Array.isArray(value)) {
        write('[');
        value.forEach((item: unknown, index) => {
          if (index > 0) write(',');
          writeValue(item);
        });
        write(']');
      } else {
        writeValue(value);
      }
    }
    write('}');
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}
