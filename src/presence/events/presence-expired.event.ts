import { SocketRemoval } from '../presence.service';

/**
 * A user's last socket was forgotten outside a disconnect handler: its node died and a live
 * node reaped it, or its removal waited for Redis. Raised once in the cluster, on one node.
 */
export class PresenceExpiredEvent {
  static readonly eventName = 'presence.expired';

  constructor(readonly removal: SocketRemoval) {}
}
