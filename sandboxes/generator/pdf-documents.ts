/**
 * Minimal valid one-page PDFs (Helvetica text, correct xref offsets) such as an invoice or order
 * confirmation. When a size is requested, the bulk of each file is an unreferenced padding stream
 * that is identical for every document: its base64 is computed once and shared, and only the small
 * head (with the text) and tail (with the offsets) differ per document.
 */

export interface PdfDocument {
  /** Base64 of the file in consecutive parts (head, shared padding, tail); each is valid base64 on its own. */
  readonly base64Parts: readonly string[];
  /** Decoded size in bytes. */
  readonly size: number;
}

const FONT_SIZE_TITLE = 18;
const FONT_SIZE_BODY = 11;
/** Bytes a typical document needs besides the padding; used to aim at the requested size. */
const TYPICAL_OVERHEAD = 960;
const PADDING_LINE = '0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF\n';

export class PdfFactory {
  private readonly padding: { readonly length: number; readonly base64: string } | null;

  /** `targetBytes`: approximate file size; omitted or small means no padding at all. */
  constructor(targetBytes?: number) {
    const length =
      targetBytes === undefined ? 0 : Math.floor(Math.max(0, targetBytes - TYPICAL_OVERHEAD) / 3) * 3;
    if (length === 0) {
      this.padding = null;
    } else {
      const text = PADDING_LINE.repeat(Math.ceil(length / PADDING_LINE.length)).slice(0, length);
      this.padding = { length, base64: base64(text) };
    }
  }

  /** A page with a title line and body lines (non-ASCII characters are simplified). */
  document(title: string, lines: readonly string[]): PdfDocument {
    let content = `BT\n/F1 ${FONT_SIZE_TITLE} Tf\n72 770 Td\n(${pdfText(title)}) Tj\n/F1 ${FONT_SIZE_BODY} Tf\n`;
    for (const line of lines) content += `0 -18 Td\n(${pdfText(line)}) Tj\n`;
    content += 'ET\n';

    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
      `<< /Length ${content.length} >>\nstream\n${content}endstream`,
    ];
    let head = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((body, index) => {
      offsets.push(head.length);
      head += `${index + 1} 0 obj\n${body}\nendobj\n`;
    });

    if (this.padding === null) {
      const file = head + trailer(offsets, head.length);
      return { base64Parts: [base64(file)], size: file.length };
    }

    // The padding object must start on a 3-byte boundary so the shared base64 can be spliced in.
    const opening = `6 0 obj\n<< /Length ${this.padding.length} >>\nstream\n`;
    const gap = (3 - ((head.length + opening.length) % 3)) % 3;
    head += '\n'.repeat(gap);
    offsets.push(head.length);
    head += opening;
    const closing = '\nendstream\nendobj\n';
    const tail = closing + trailer(offsets, head.length + this.padding.length + closing.length);
    return {
      base64Parts: [base64(head), this.padding.base64, base64(tail)],
      size: head.length + this.padding.length + tail.length,
    };
  }
}

function base64(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('base64');
}

function trailer(offsets: readonly number[], xrefOffset: number): string {
  let xref = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) xref += `${String(offset).padStart(10, '0')} 00000 n \n`;
  return `${xref}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_PRINTABLE_ASCII = /[^\x20-\x7e]/g;
const PDF_SPECIAL = /[\\()]/g;

/** A PDF literal string body: ASCII only, with `\`, `(` and `)` escaped. */
function pdfText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(NON_PRINTABLE_ASCII, '?')
    .replace(PDF_SPECIAL, '\\$&');
}
