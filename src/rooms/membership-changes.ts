import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { MembershipChangeKind, MembershipChangedEvent } from './events/membership-changed.event';

/** The one place a committed membership change is announced (see MembershipChangedEvent). */
@Injectable()
export class MembershipChanges {
  constructor(private readonly events: EventEmitter2) {}

  /**
   * Listeners run synchronously inside emitAsync(), so the change holds on this node for sends,
   * history and live delivery before this yields. The promise settles once cluster mode has
   * applied it on the other nodes too (ClusterRelay, bounded by a timeout): a caller that
   * awaits it before answering lets no client act on a node that has not seen it yet.
   */
  async announce(roomId: string, userIds: string[], kind: MembershipChangeKind): Promise<void> {
    await Promise.all(userIds.map((userId) => this.events.emitAsync(MembershipChangedEvent.eventName, new MembershipChangedEvent(roomId, userId, kind))));
  }
}
