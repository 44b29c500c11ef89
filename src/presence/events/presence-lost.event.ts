/**
 * Cluster mode: this node's heartbeat lapsed (it was cut off from Redis past PRESENCE_TTL_MS,
 * or Redis restarted empty), so its sockets' presence records may be gone.
 */
export class PresenceLostEvent {
  static readonly eventName = 'presence.lost';
}
