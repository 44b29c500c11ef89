import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import type { RoomSync } from '../common/ws/client-events';
import { KeyedRateLimit } from '../common/rate-limit/keyed-rate-limit';
import { RateLimits } from '../common/rate-limit/rate-limits';
import { SequenceService } from '../messages/sequence.service';
import { MessageRepository } from '../persistence/ports';
import { RoomAccess } from '../rooms/room-access.service';
import { SyncDto } from './dto/sync.dto';
import { mergeStream } from './merge-stream';
import { UnsavedAcrossNodes } from '../messages/unsaved-across-nodes';

const REFUSALS = new Set(['ROOM.NOT_FOUND', 'ROOM.NOT_MEMBER']);
/** Messages in one sync answer, all rooms together. */
export const SYNC_MAX_MESSAGES = 5000;

/** Catch-up (DESIGN.md 10): what a client missed in each of its rooms, in one call. */
@Injectable()
export class TimelineService {
  private readonly limit: KeyedRateLimit;

  constructor(
    private readonly access: RoomAccess,
    private readonly messages: MessageRepository,
    private readonly sequences: SequenceService,
    private readonly unsaved: UnsavedAcrossNodes,
    limits: RateLimits,
  ) {
    // Generous: a client syncs on reconnect and after a gap, not per message.
    this.limit = limits.create({ name: 'sync', points: 100, windowSec: 10, what: 'sync calls' });
  }

  async sync(userId: string, { rooms, limit }: SyncDto): Promise<RoomSync[]> {
    await this.limit.take(userId);
    // One answer stays bounded however many rooms it covers: the rest comes with hasMore.
    const perRoom = Math.max(1, Math.min(limit, Math.floor(SYNC_MAX_MESSAGES / rooms.length)));
    const served = await Promise.all(rooms.map(({ roomId }) => this.position(userId, roomId)));
    // Taken before the store read: a message saved meanwhile is in both and kept once; one accepted
    // after this reaches the client live, as it is subscribed to all of its rooms. The position too,
    // so lastSeq never claims a message that accepted during the read and is in neither. The other
    // nodes are asked once for every room where something may have been accepted since afterSeq.
    const asked = rooms.flatMap(({ afterSeq }, i) => (typeof served[i] !== 'object' && (served[i] ?? Infinity) > afterSeq ? [i] : []));
    const unsaved = await this.unsaved.after(asked.map((i) => ({ ...rooms[i], limit: perRoom })));
    return Promise.all(
      rooms.map(async ({ roomId, afterSeq }, i) => {
        const position = served[i];
        if (typeof position === 'object') return position;
        const found = asked.indexOf(i);
        const page = await this.messages.stream(roomId, afterSeq, perRoom);
        const slice = mergeStream(page, found < 0 ? [] : unsaved.rooms[found], perRoom);
        const shown = Math.max(page.lastSeq, slice.messages.at(-1)?.rev ?? 0);
        // A node that did not answer may hold positions up to `position`: not claimed, so the client takes no hole.
        const lastSeq = unsaved.complete || found < 0 ? Math.max(position ?? page.lastSeq, shown) : shown;
        return { roomId, ...slice, lastSeq };
      }),
    );
  }

  /** The room's position now, or the refusal its room gets (not a member). */
  private async position(userId: string, roomId: string): Promise<number | undefined | RoomSync> {
    try {
      await this.access.assertMember(roomId, userId);
    } catch (err) {
      if (err instanceof AppError && REFUSALS.has(err.code)) return { roomId, error: { code: err.code, message: err.message } };
      throw err;
    }
    return this.sequences.last(roomId);
  }
}
