/**
 * Typed domain errors. The message says what happened, why it matters and how
 * to fix it; `code` is stable and is what the HTTP edge maps to a status.
 */
export type ErrorCode = 'not_found' | 'invalid_argument' | 'invalid_data' | 'conflict' | 'unauthorized' | 'forbidden';

export interface DataIssue {
  file?: string;
  row?: number;
  column?: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function notFound(what: string, id: string, hint: string): DomainError {
  return new DomainError('not_found', `No ${what} with id "${id}". ${hint}`, { what, id });
}

export function invalidArgument(field: string, message: string): DomainError {
  return new DomainError('invalid_argument', `Invalid "${field}": ${message}`, { field });
}

/** Formats a data issue as `file:row column: message` for people. */
export function formatIssue(issue: DataIssue): string {
  const where = [issue.file, issue.row !== undefined ? `row ${issue.row}` : undefined, issue.column !== undefined ? `column "${issue.column}"` : undefined]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${issue.message}` : issue.message;
}

export function invalidData(issues: DataIssue[], what = 'The data'): DomainError {
  const shown = issues.slice(0, 20).map((i) => `  - ${formatIssue(i)}`);
  const more = issues.length > 20 ? [`  … and ${issues.length - 20} more`] : [];
  return new DomainError(
    'invalid_data',
    `${what} has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was written. Fix them and try again:\n${[...shown, ...more].join('\n')}`,
    { issues },
  );
}
