/** A problem in an input file, reported as FILE:LINE:COL: message. */
export class SourceError extends Error {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly detail: string;
  constructor(file: string, line: number, col: number, detail: string) {
    super(`${file}:${line}:${col}: ${detail}`);
    this.name = 'SourceError';
    this.file = file;
    this.line = line;
    this.col = col;
    this.detail = detail;
  }
}
