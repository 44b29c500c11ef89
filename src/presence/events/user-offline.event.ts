/** A user's last socket on this node went down; raised once, after presence forgot it. */
export class UserOfflineEvent {
  static readonly eventName = 'presence.user-offline';

  constructor(readonly userId: string) {}
}
