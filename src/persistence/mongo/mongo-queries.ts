import { HistoryQuery } from '../models';

/** Escapes a user's text for a case-insensitive "contains" regex. */
export const containsRegex = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');

/** The find() of a history page: newest-first unless paging forwards from `after`. */
export function historyFind(roomId: string, q: HistoryQuery) {
  const seq: Record<string, number> = {};
  if (q.after !== undefined) seq.$gt = q.after;
  if (q.before !== undefined) seq.$lt = q.before;
  const ascending = q.after !== undefined;
  return {
    filter: Object.keys(seq).length ? { roomId, seq } : { roomId },
    sort: { seq: ascending ? 1 : -1 } as const,
    limit: q.limit + 1,
    ascending,
  };
}

/** Mongo's duplicate-key error, as raised by the driver. */
export function isDuplicateKey(err: unknown): err is { code: 11000; keyPattern?: Record<string, number> } {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

interface BulkWriteErrorLike {
  writeErrors?: Array<{ index: number; code?: number; err?: { code?: number } }>;
}

/**
 * The indexes of an insertMany(ordered: false) batch that failed only on duplicate keys, or
 * null when anything else failed. Mongoose copies the driver's WriteErrors into plain objects
 * ({ err, index }), which drops the `code` getter: read it from `err` as well.
 */
export function duplicateIndexes(err: unknown): Set<number> | null {
  const writeErrors = (err as BulkWriteErrorLike)?.writeErrors ?? [];
  if (writeErrors.length === 0) return null;
  const codes = writeErrors.map((e) => e.code ?? e.err?.code);
  return codes.every((code) => code === 11000) ? new Set(writeErrors.map((e) => e.index)) : null;
}
