/** A user's last socket anywhere went down; raised once in the cluster, on one node, after presence forgot it. */
export class UserOfflineEvent {
  static readonly eventName = 'presence.user-offline';

  constructor(readonly userId: string) {}
}
