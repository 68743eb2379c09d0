/**
 * A small RFC 4180 reader for the tests, written apart from src/lib/csv.ts so that the files are
 * checked by a second, independent implementation. Strict: rows must end in CRLF.
 */
export interface ParsedCsv {
  bom: boolean;
  rows: string[][];
}

export function parseCsv(input: string): ParsedCsv {
  const bom = input.startsWith('\uFEFF');
  const s = bom ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const endField = () => { row.push(field); field = ''; };
  while (i < s.length) {
    const c = s[i]!;
    if (c === '"' && field === '') {
      // Quoted field: up to the closing quote; "" is a quote.
      i++;
      for (;;) {
        if (i >= s.length) throw new Error('unterminated quoted field');
        if (s[i] === '"') {
          if (s[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += s[i++];
      }
      if (i < s.length && s[i] !== ',' && s[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (c === ',') { endField(); i++; continue; }
    if (c === '\r') {
      if (s[i + 1] !== '\n') throw new Error(`CR without LF at ${i}`);
      endField(); rows.push(row); row = []; i += 2; continue;
    }
    if (c === '\n') throw new Error(`LF without CR at ${i}`);
    if (c === '"') throw new Error(`quote inside an unquoted field at ${i}`);
    field += c; i++;
  }
  if (field !== '' || row.length > 0) throw new Error('the last row does not end in CRLF');
  return { bom, rows };
}

/** Rows as records keyed by the header. */
export function records(csv: ParsedCsv): Record<string, string>[] {
  const [header, ...rows] = csv.rows;
  return rows.map((r) => {
    if (r.length !== header!.length) throw new Error(`row has ${r.length} fields, header ${header!.length}`);
    return Object.fromEntries(header!.map((h, i) => [h, r[i]!]));
  });
}
