import { Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { storeUnavailable } from '../common/errors/app-error';
import { RoomPosition } from '../persistence/models';
import { MessageRepository } from '../persistence/ports';
import { SequenceService } from './sequence.service';

/** Positions handed out per reservation; a crash leaves at most this many unused (a hole, never a reuse). */
export const SEQ_BLOCK = 1000;
const MAX_ROOMS = 100_000;

interface Counter {
  last: number;
  /** The highest position this node reserved durably: `last` never passes it. */
  limit: number;
  /** The next reservation, taken ahead when half the block is spent. */
  next?: Promise<number>;
}

/**
 * Per-room positions of a single node (DESIGN.md 5.10): handed out in memory from blocks reserved durably in
 * the store, so no position is ever handed out twice, not even after kill -9. The next block
 * is reserved ahead of need: a send waits on the store only for a room's first message.
 */
@Injectable()
export class NodeSequenceService extends SequenceService {
  private readonly logger = new Logger(NodeSequenceService.name);
  // An evicted room's unused block becomes a hole when it is seeded again: safe, never a reuse.
  private readonly counters = new LRUCache<string, Counter>({ max: MAX_ROOMS });
  private readonly reserving = new Map<string, Promise<undefined>>();

  constructor(private readonly messages: MessageRepository) {
    super();
  }

  // The idempotency window of one node is AcceptedMessages alone: the key is not needed here.
  prepare(roomId: string): Promise<undefined> | undefined {
    const counter = this.counters.get(roomId);
    if (counter && counter.last < counter.limit) {
      if (!counter.next && counter.limit - counter.last <= SEQ_BLOCK / 2) this.reserveAhead(roomId, counter);
      return undefined;
    }
    let pending = this.reserving.get(roomId);
    if (!pending) {
      // Concurrent callers share one reservation, applied in the tick it resolves (arrival order holds).
      const reserved = counter?.next ?? this.messages.reserveSeq(roomId, SEQ_BLOCK);
      pending = reserved.then(
        (limit) => {
          this.reserving.delete(roomId);
          const current = this.counters.get(roomId);
          this.counters.set(roomId, { last: Math.max(current?.last ?? 0, limit - SEQ_BLOCK), limit });
          return undefined;
        },
        (err: unknown) => {
          this.reserving.delete(roomId);
          if (counter) counter.next = undefined;
          throw storeUnavailable(err);
        },
      );
      this.reserving.set(roomId, pending);
    }
    return pending;
  }

  /** One node hands out every position itself: nothing to wait for. */
  holdMs(): number {
    return 0;
  }

  next(roomId: string): number {
    const counter = this.counters.get(roomId);
    if (!counter || counter.last >= counter.limit) throw new Error(`seq of room ${roomId} used before prepare()`);
    return ++counter.last;
  }

  /** Nothing was taken for a refused message; a failed one leaves a hole, as a crash would. */
  withdraw(): Promise<void> {
    return Promise.resolve();
  }

  /** The last position handed out in a room by this process, if it has handed any out since it started. */
  last(roomId: string): Promise<number | undefined> {
    return Promise.resolve(this.counters.peek(roomId)?.last);
  }

  /** Clean stop, after every accepted message was saved or failed: unused reservations are given back. */
  async release(): Promise<void> {
    const positions: RoomPosition[] = [...this.counters.entries()].map(([roomId, c]) => ({ roomId, last: c.last, limit: c.limit }));
    this.counters.clear();
    if (positions.length === 0) return;
    // Not given back, the unused positions are only a hole: never a reason to fail a stop.
    await this.messages.releaseSeq(positions).catch((err: Error) => this.logger.warn(`unused positions not given back: ${err.message}`));
  }

  private reserveAhead(roomId: string, counter: Counter): void {
    counter.next = this.messages.reserveSeq(roomId, SEQ_BLOCK);
    counter.next.then(
      (limit) => {
        // Contiguous (the usual case): the block simply grows; otherwise it is used once this one is spent.
        if (limit - SEQ_BLOCK === counter.limit) {
          counter.limit = limit;
          counter.next = undefined;
        }
      },
      (err: Error) => {
        counter.next = undefined;
        this.logger.warn(`could not reserve positions ahead for room ${roomId}: ${err.message}`);
      },
    );
  }
}
