import { Injectable } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { RealtimeService } from '../common/ws/realtime.service';
import { PresenceExpiredEvent } from './events/presence-expired.event';
import { UserOfflineEvent } from './events/user-offline.event';
import { SocketRemoval } from './presence.service';

/** Tells this node (UserOfflineEvent) and the user's rooms (`userOffline`) that a user's last socket is gone. */
@Injectable()
export class OfflineAnnouncer {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly events: EventEmitter2,
  ) {}

  announce(removal: SocketRemoval | null): void {
    if (!removal?.wentOffline) return;
    this.events.emit(UserOfflineEvent.eventName, new UserOfflineEvent(removal.userId));
    if (removal.roomIds.length) this.realtime.to({ roomIds: removal.roomIds }).emit('userOffline', { userId: removal.userId });
  }

  @OnEvent(PresenceExpiredEvent.eventName)
  expired({ removal }: PresenceExpiredEvent): void {
    this.announce(removal);
  }
}
