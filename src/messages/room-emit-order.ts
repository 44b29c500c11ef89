/**
 * The order of a room's emits on this node. An emit runs as soon as it may (a broadcast on
 * setImmediate, as before), unless an earlier one of the room is held back (a cluster node
 * waiting briefly for another node's earlier position): then it runs after that one.
 */
export class RoomEmitOrder {
  private readonly held = new Map<string, Promise<void>>();

  /** Runs `emit` after `holdMs` and after every earlier held emit of the room; a broadcast's deferral otherwise. */
  later(roomId: string, holdMs: number, emit: () => void): void {
    const tail = this.held.get(roomId);
    if (!tail && holdMs <= 0) {
      setImmediate(emit);
      return;
    }
    // The wait counts from now, not from the earlier emit: holds in a row do not add up.
    const due = Date.now() + holdMs;
    const waited = (tail ?? Promise.resolve()).then(() => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, due - Date.now()))));
    this.chain(roomId, waited.then(emit));
  }

  /** Runs `emit` now, or after the room's held emits. */
  now(roomId: string, emit: () => void): void {
    const tail = this.held.get(roomId);
    if (tail) this.chain(roomId, tail.then(emit));
    else emit();
  }

  /** Resolves once every held emit has run (shutdown, before the sockets close). */
  async idle(): Promise<void> {
    while (this.held.size > 0) await Promise.all(this.held.values());
  }

  private chain(roomId: string, next: Promise<void>): void {
    this.held.set(roomId, next);
    // The last emit of a chain removes it, so rooms without holds cost nothing.
    void next.finally(() => this.held.get(roomId) === next && this.held.delete(roomId));
  }
}
