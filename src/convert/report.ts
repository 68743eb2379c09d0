/**
 * The conversion report: every guess the converter made and every oddity it read past, one note
 * each with its place (FILE:LINE:COL). The converter refuses only what it cannot read without
 * losing or inventing text; everything else is read, shown as published, and noted here.
 * `npm run convert` prints a summary and writes each document's notes beside its content
 * (content/policies/<id>/conversion-report.txt); the site never shows them.
 */
export interface Note {
  file: string;
  line: number;
  col: number;
  message: string;
}

export class Report {
  readonly notes: Note[] = [];
  readonly file: string;
  constructor(file: string) {
    this.file = file;
  }
  add(line: number, col: number, message: string): void {
    this.notes.push({ file: this.file, line, col, message });
  }
}

/** A note as one line: FILE:LINE:COL: message. */
export function formatNote(note: Note): string {
  return `${note.file}:${note.line}:${note.col}: ${note.message}`;
}

/** The report file of one document: a header, then its notes in the order of the text. */
export function reportText(source: string, notes: readonly Note[]): string {
  const sorted = [...notes].sort((a, b) => a.line - b.line || a.col - b.col);
  return [
    `# Conversion report for seeds/${source}: what the converter guessed or read past. Not shown on the site.`,
    `# ${sorted.length} note(s).`,
    ...sorted.map(formatNote),
    '',
  ].join('\n');
}
