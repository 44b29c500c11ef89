/**
 * Room positions (DESIGN.md 5.10) and, in cluster mode, the cross-node half of the idempotency
 * window: one node keeps both in memory (NodeSequenceService); a cluster keeps them in Redis
 * (RedisSequenceService) so every node hands out the next position of one counter.
 * The pipeline calls prepare() and then, in the same tick, next().
 */
export abstract class SequenceService {
  /**
   * Resolves once next() may be called for this message (undefined when it may be called at
   * once), or with the seq of an earlier message with the same idempotency key that another
   * node accepted: then next() must not be called. A resend whose body differs from that
   * message's is refused (VALIDATION.FAILED): one position never shows two messages.
   */
  abstract prepare(roomId: string, key: string, body: string): Promise<number | undefined> | undefined;

  /**
   * Before next(): how long the prepared message's delivery should wait because another node
   * took the position before it an instant ago (cluster mode), so members see both in seq order.
   */
  abstract holdMs(key: string): number;

  /** The prepared message's position. */
  abstract next(roomId: string, key: string): number;

  /** The key's message will not be stored (refused after prepare, or its save failed): the key may be accepted anew. Never rejects. */
  abstract withdraw(roomId: string, key: string): Promise<void>;

  /** The room's last position handed out, when known here (else the caller asks the store). */
  abstract last(roomId: string): Promise<number | undefined>;

  /** Clean stop, after every accepted message was saved or failed. */
  abstract release(): Promise<void>;
}
