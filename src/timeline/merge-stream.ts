import { HistoryPage } from '../persistence/models';
import { StreamMessage } from '../messages/unsaved-messages';

export interface StreamSlice {
  messages: StreamMessage[];
  hasMore: boolean;
}

/**
 * One page of a room's stream from the store's page (the first `limit` saved messages after the
 * position) and the unsaved ones after it: ascending by rev, each message once (the saved copy
 * wins), at most `limit`. Exact because every saved message left out of the store's page ranks
 * after all of that page, so after the first `limit` merged.
 */
export function mergeStream(saved: HistoryPage, unsaved: StreamMessage[], limit: number): StreamSlice {
  if (unsaved.length === 0) return { messages: saved.messages, hasMore: saved.hasMore };
  const savedSeqs = new Set(saved.messages.map((m) => m.seq));
  const merged = [...saved.messages, ...unsaved.filter((m) => !savedSeqs.has(m.seq))].sort((a, b) => a.rev - b.rev);
  return { messages: merged.slice(0, limit), hasMore: saved.hasMore || merged.length > limit };
}
