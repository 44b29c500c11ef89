import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { RealtimeService } from '../../common/ws/realtime.service';
import { PresenceService } from '../../presence/presence.service';
import { MembershipChangedEvent } from '../events/membership-changed.event';

/** Set when a membership change of the watched user landed; see MembershipSync.watch(). */
export interface MembershipWatch {
  changed: boolean;
  close(): void;
}

/**
 * Applies membership changes to this node's sockets and to presence, and tells connecting
 * sockets about them. In cluster mode every node runs this for every change (ClusterRelay
 * re-raises it), so each socket moves on its own node in the same step that flags the
 * connects in progress there; the deciding node also moves them through the adapter's stream. Presence is shared (Redis in cluster mode), so only the
 * node that made the change tells it.
 */
@Injectable()
export class MembershipSync {
  private readonly logger = new Logger(MembershipSync.name);
  private readonly watches = new Map<string, Set<MembershipWatch>>();

  constructor(
    private readonly realtime: RealtimeService,
    private readonly presence: PresenceService,
  ) {}

  @OnEvent(MembershipChangedEvent.eventName)
  apply({ roomId, userId, kind, remote }: MembershipChangedEvent): void {
    this.watches.get(userId)?.forEach((watch) => (watch.changed = true));
    // The deciding node also moves the user's sockets on every node, in case a node misses the re-raise.
    if (kind === 'joined') this.realtime.subscribe([userId], roomId, !remote);
    else this.realtime.unsubscribe([userId], roomId, !remote);
    if (remote) return;
    const presence = kind === 'joined' ? this.presence.joinRoom(userId, roomId) : this.presence.leaveRoom(userId, roomId);
    presence.catch((err: Error) => this.logger.error(`presence of ${userId} in ${roomId} not updated: ${err.message}`));
  }

  /**
   * A socket that is connecting reads its rooms, then subscribes: a change landing in between
   * would be undone by the subscription. The connect path watches its user and reads again.
   */
  watch(userId: string): MembershipWatch {
    const watches = this.watches.get(userId) ?? new Set<MembershipWatch>();
    this.watches.set(userId, watches);
    const watch: MembershipWatch = {
      changed: false,
      close: () => {
        watches.delete(watch);
        if (watches.size === 0 && this.watches.get(userId) === watches) this.watches.delete(userId);
      },
    };
    watches.add(watch);
    return watch;
  }
}
