import { Injectable } from '@nestjs/common';
import { storeUnavailable } from '../common/errors/app-error';
import { MessageRepository } from '../persistence/ports';

/** Per-room monotonic seq, in memory, seeded once per room from the highest stored seq. */
@Injectable()
export class SequenceService {
  private readonly last = new Map<string, number>();
  private readonly seeding = new Map<string, Promise<void>>();

  constructor(private readonly messages: MessageRepository) {}

  /** Resolves once next() may be called for the room. Concurrent callers share one seeding. */
  prepare(roomId: string): Promise<void> | undefined {
    const pending = this.seeding.get(roomId);
    if (pending || this.last.has(roomId)) return pending;
    // The counter is set in the same tick the seeding resolves, so callers resume in arrival order.
    const seeding = this.messages.maxSeq(roomId).then(
      (max) => {
        this.seeding.delete(roomId);
        this.last.set(roomId, max);
      },
      (err: unknown) => {
        this.seeding.delete(roomId);
        throw storeUnavailable(err);
      },
    );
    this.seeding.set(roomId, seeding);
    return seeding;
  }

  next(roomId: string): number {
    const last = this.last.get(roomId);
    if (last === undefined) throw new Error(`seq of room ${roomId} used before prepare()`);
    const seq = last + 1;
    this.last.set(roomId, seq);
    return seq;
  }
}
