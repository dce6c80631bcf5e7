/** Data file problem with the file, line and column that caused it. */
export class DataFileError extends Error {
  constructor(readonly file: string, readonly line: number | null, message: string) {
    super(`${file}${line ? `, line ${line}` : ''}: ${message}`);
    this.name = 'DataFileError';
  }
}
