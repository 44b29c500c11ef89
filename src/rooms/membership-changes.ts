import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { MembershipChangeKind, MembershipChangedEvent } from './events/membership-changed.event';

/** The one place a committed membership change is announced (see MembershipChangedEvent). */
@Injectable()
export class MembershipChanges {
  constructor(private readonly events: EventEmitter2) {}

  /**
   * Listeners run synchronously inside emit(), so when this returns the change already holds
   * for sends, history and live delivery on this node.
   */
  announce(roomId: string, userIds: string[], kind: MembershipChangeKind): void {
    for (const userId of userIds) this.events.emit(MembershipChangedEvent.eventName, new MembershipChangedEvent(roomId, userId, kind));
  }
}
