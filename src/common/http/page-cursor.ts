import { AppError } from '../errors/app-error';

/** A list position: a millisecond time and an id that breaks ties. */
export interface CursorPosition {
  at: number;
  id: string;
}

const SHAPE = /^(\d{1,16})\.([0-9A-Za-z_-]{1,64})$/;

/** Opaque to clients (they pass back what they were given), plain to read in a log. */
export const encodeCursor = (p: CursorPosition): string => Buffer.from(`${p.at}.${p.id}`).toString('base64url');

/** The position of a cursor from `encodeCursor`; anything else is VALIDATION.FAILED (400). */
export function decodeCursor(cursor: string, field: string): CursorPosition {
  const match = SHAPE.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new AppError('VALIDATION.FAILED', `${field} is not a cursor this server handed out`, { details: [{ field, errors: ['unknown cursor'] }] });
  return { at: Number(match[1]), id: match[2] };
}
