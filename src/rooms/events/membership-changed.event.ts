export type MembershipChangeKind = 'joined' | 'left';

/**
 * A user joined or left a room, already committed to the store. The one signal that updates
 * authorisation and socket subscriptions. Cluster mode re-raises it on every other node
 * (`remote` set there), where each node applies it to its own caches and sockets.
 */
export class MembershipChangedEvent {
  static readonly eventName = 'membership.changed';

  constructor(
    readonly roomId: string,
    readonly userId: string,
    readonly kind: MembershipChangeKind,
    readonly remote = false,
  ) {}
}
