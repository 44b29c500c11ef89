/**
 * A user's block list changed in the store (a block or an unblock, or a write that may have
 * landed before it failed). Every node drops its cached copy; cluster mode re-raises it on
 * every other node with `remote` set.
 */
export class BlockListChangedEvent {
  static readonly eventName = 'blocks.changed';

  constructor(
    readonly blockerId: string,
    readonly remote = false,
  ) {}
}
