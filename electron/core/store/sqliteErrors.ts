import { AppErrorException, appError } from '../../../shared/errors.ts';

/** The fields node:sqlite puts on its errors (code 'ERR_SQLITE_ERROR'). */
interface SqliteErrorFields {
  errcode?: unknown;
  errstr?: unknown;
  message?: unknown;
}

const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

function fields(err: unknown): SqliteErrorFields {
  return typeof err === 'object' && err !== null ? (err as SqliteErrorFields) : {};
}

/** The primary result code (extended codes keep it in the low byte). */
export function sqliteCode(err: unknown): number | undefined {
  const { errcode } = fields(err);
  return typeof errcode === 'number' ? errcode & 0xff : undefined;
}

/** True when the file is not a database at all or its pages are damaged: worth moving aside. */
export function isCorruptionError(err: unknown): boolean {
  const code = sqliteCode(err);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}

export function describeError(err: unknown): string {
  const { errstr, message } = fields(err);
  if (typeof errstr === 'string' && errstr) return errstr;
  if (typeof message === 'string' && message) return message;
  return String(err);
}

/** Turns a low-level failure into the 'storage' error the UI shows; AppErrorExceptions pass through. */
export function toStorageException(err: unknown, what: string): AppErrorException {
  if (err instanceof AppErrorException) return err;
  return new AppErrorException(appError('storage', `${what}: ${describeError(err)}.`));
}
