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
  writeErrors?: unknown[];
  validationErrors?: unknown[];
  writeConcernError?: unknown;
}

/** How one document of an unordered insertMany ended. */
export type InsertResult = 'inserted' | 'duplicate' | 'invalid';

const DUPLICATE_KEY = 11000;
const DOCUMENT_VALIDATION_FAILURE = 121;

/**
 * Per document, what an unordered insertMany (throwOnValidationError) did, read from the error
 * it threw; null unless the error is a per-document one (write or validation errors, no write
 * concern error) whose every failure is the document's own fault: anything else (a network
 * error, a failover, NotWritablePrimary) is transient and the whole batch is retried. Mongoose
 * fills `results` for every error, so `results` alone proves nothing. It copies the driver's
 * WriteErrors into plain objects ({ err, index }), which drops the `code` getter: read it from
 * `err` as well.
 */
export function insertResults(err: unknown, count: number): InsertResult[] | null {
  const e = err as BulkWriteErrorLike | undefined;
  const perDocument = (e?.writeErrors?.length ?? 0) > 0 || (e?.validationErrors?.length ?? 0) > 0;
  if (!e || !perDocument || e.writeConcernError || !Array.isArray(e.results) || e.results.length !== count) return null;
  const results = e.results.map(outcome);
  return results.includes(null) ? null : (results as InsertResult[]);
}

function outcome(r: unknown): InsertResult | null {
  if ((r as Error)?.name === 'ValidationError') return 'invalid';
  const code = (r as { code?: number })?.code ?? (r as { err?: { code?: number } })?.err?.code;
  if (code === DUPLICATE_KEY) return 'duplicate';
  if (code === DOCUMENT_VALIDATION_FAILURE) return 'invalid';
  const failed = r instanceof Error || code !== undefined || (r as { err?: unknown })?.err !== undefined;
  return failed ? null : 'inserted';
}
