/** A bad import: names the file and the field or cause. The CLI prints it and exits non-zero, writing nothing. */
export class ImportError extends Error {
  override name = 'ImportError';
  readonly field: string;
  constructor(message: string, field: string) {
    super(message);
    this.field = field;
  }
}
