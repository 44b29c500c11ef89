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
  /** Mongoose's per-document outcome of an unordered insertMany: the document, a write error or a validation error. */
  results?: unknown[];
}

/** How one document of an unordered insertMany ended. */
export type InsertResult = 'inserted' | 'duplicate' | 'invalid';

/**
 * Per document, what an unordered insertMany (throwOnValidationError) did, read from the error
 * it threw; null when the error says nothing per document (the store was not reached: retry).
 * Mongoose copies the driver's WriteErrors into plain objects ({ err, index }), which drops the
 * `code` getter: read it from `err` as well.
 */
export function insertResults(err: unknown, count: number): InsertResult[] | null {
  const results = (err as BulkWriteErrorLike)?.results;
  if (!Array.isArray(results) || results.length !== count) return null;
  return results.map((r): InsertResult => {
    const code = (r as { code?: number })?.code ?? (r as { err?: { code?: number } })?.err?.code;
    if (code === 11000) return 'duplicate';
    return r instanceof Error || code !== undefined || (r as { err?: unknown })?.err !== undefined ? 'invalid' : 'inserted';
  });
}
