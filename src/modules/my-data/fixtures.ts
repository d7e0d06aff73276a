import type { Sql } from '../../platform/db/types';
import { sha256 } from './documents';

/** A one-page PDF with a line of text (Helvetica, ASCII), with a correct cross-reference table. */
export function tinyPdf(line: string): Buffer {
  const stream = `BT /F1 14 Tf 72 770 Td (${line.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * The demo resident's document: a (fictional) certificate attached to her first application.
 * Needs the demo applications; does nothing without them.
 */
export async function seedMyDataFixtures(sql: Sql, municipalityId: string, opts: { resident?: string } = {}): Promise<void> {
  if (!opts.resident) return;
  const [application] = await sql.query<{ id: string }>(
    'SELECT id FROM applications WHERE municipality_id = $1 AND applicant_id = $2 ORDER BY submitted_at, id LIMIT 1',
    [municipalityId, opts.resident],
  );
  if (!application) return;
  const content = tinyPdf('Zaswiadczenie lekarskie - przyklad, dane fikcyjne');
  await sql.query(
    `INSERT INTO resident_documents (municipality_id, application_id, filename, media_type, size_bytes, sha256, content, description, uploaded_by)
     VALUES ($1, $2, 'zaswiadczenie-lekarskie.pdf', 'application/pdf', $3, $4, $5, 'Zaświadczenie od lekarza rodzinnego (przykład).', $6)`,
    [municipalityId, application.id, content.length, sha256(content), content, opts.resident],
  );
}
