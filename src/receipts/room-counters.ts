import { Injectable } from '@nestjs/common';
import { ReadyRoom } from '../common/ws/server-events';
import { SequenceService } from '../messages/sequence.service';
import { Room } from '../persistence/models';
import { MembershipRepository } from '../persistence/ports';

/** The counters of `ready.rooms[]`, for every room of a user in one store query. */
@Injectable()
export class RoomCounters {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly sequence: SequenceService,
  ) {}

  async of(userId: string, rooms: Room[]): Promise<ReadyRoom[]> {
    const [readStates, positions] = await Promise.all([this.memberships.readStates(userId), Promise.all(rooms.map((r) => this.sequence.last(r.id)))]);
    const states = new Map(readStates.map((s) => [s.roomId, s]));
    return rooms.map((room, i) => {
      const state = states.get(room.id);
      // The counter may be ahead of the store (accepted, not yet saved); never behind it.
      const lastSeq = Math.max(positions[i] ?? 0, state?.lastSeq ?? 0);
      return { ...room, lastSeq, lastReadSeq: state?.lastReadSeq ?? 0, unread: state?.unread ?? 0 };
    });
  }
}
