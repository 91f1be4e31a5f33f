export interface PdfContent {
  readonly title: string;
  readonly lines?: readonly string[];
  /** Pad the file to exactly this many bytes (when larger than the natural size), for upload-limit tests. */
  readonly sizeBytes?: number;
}

export const MAX_PDF_BYTES = 25 * 1024 * 1024;

/**
 * A minimal but structurally valid PDF 1.4 (catalog, page tree, one page with Helvetica text, xref table
 * with exact offsets) of a few hundred bytes. Padding goes into an unreferenced stream object.
 */
export function generatePdf(content: PdfContent): Buffer {
  const target = content.sizeBytes;
  if (target !== undefined && (!Number.isInteger(target) || target < 0 || target > MAX_PDF_BYTES)) {
    throw new Error(`PDF size must be an integer between 0 and ${MAX_PDF_BYTES} bytes`);
  }
  const natural = render(content, undefined);
  if (target === undefined || target <= natural.length) return natural;
  let paddingLength = target - natural.length;
  for (let attempt = 0; attempt < 4; attempt++) {
    const padded = render(content, paddingLength);
    if (padded.length === target) return padded;
    paddingLength += target - padded.length;
  }
  return render(content, paddingLength);
}

function render(content: PdfContent, paddingLength: number | undefined): Buffer {
  const text = [content.title, ...(content.lines ?? [])]
    .map(
      (line, index) =>
        `BT /F1 ${index === 0 ? 16 : 10} Tf 56 ${780 - index * 18} Td (${escapeText(line)}) Tj ET`,
    )
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    stream(text),
  ];
  if (paddingLength !== undefined) objects.push(stream(' '.repeat(Math.max(0, paddingLength - 60))));

  const chunks: string[] = ['%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n'];
  let offset = Buffer.byteLength(chunks[0] as string, 'latin1');
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    const object = `${index + 1} 0 obj\n${body}\nendobj\n`;
    offsets.push(offset);
    chunks.push(object);
    offset += Buffer.byteLength(object, 'latin1');
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((position) => `${String(position).padStart(10, '0')} 00000 n `),
  ].join('\n');
  chunks.push(
    `${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
  );
  return Buffer.from(chunks.join(''), 'latin1');
}

function stream(body: string): string {
  return `<< /Length ${Buffer.byteLength(body, 'latin1')} >>\nstream\n${body}\nendstream`;
}

/** PDF string literal in WinAnsi encoding (Latin-1 plus the euro sign); other characters become '?'. */
function escapeText(text: string): string {
  return text
    .replace(/[^\x20-\x7e\xa0-\xff\u20ac]/g, '?')
    .replace(/([\\()])/g, '\\$1')
    .replace(/\u20ac/g, '\x80');
}
