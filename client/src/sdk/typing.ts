import type { TypingSignal } from '../../../src/common/ws/protocol';
import type { ChatSocket } from './socket';

/** The server relays a repeated `true` at most once per 2 s, so renewing faster is wasted. */
const RENEW_MS = 2000;
/** Quiet this long after the last keystroke: typing stopped. */
const IDLE_MS = 4000;

/**
 * Typing, both ways: my keystrokes throttled to one signal per room per 2 s (and `false` after
 * a pause), and who is typing in each room from `userTyping`.
 */
export class Typing {
  private readonly sentAt = new Map<string, number>();
  private readonly idle = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly typists = new Map<string, Map<string, string>>();

  constructor(private readonly socket: () => ChatSocket | null) {}

  /** Call on every keystroke in a room's composer. */
  keystroke(roomId: string): void {
    const now = Date.now();
    if (now - (this.sentAt.get(roomId) ?? 0) >= RENEW_MS) {
      this.sentAt.set(roomId, now);
      this.socket()?.emit('typing', { roomId, isTyping: true }, () => undefined);
    }
    clearTimeout(this.idle.get(roomId));
    this.idle.set(roomId, setTimeout(() => this.stop(roomId), IDLE_MS));
  }

  /** Typing ended (a pause, or the message was sent: the server then clears it itself). */
  stop(roomId: string, announce = true): void {
    clearTimeout(this.idle.get(roomId));
    this.idle.delete(roomId);
    if (!this.sentAt.delete(roomId)) return;
    if (announce) this.socket()?.emit('typing', { roomId, isTyping: false }, () => undefined);
  }

  /** Records a `userTyping`; answers whether the room's list of typists changed. */
  received({ roomId, userId, username, isTyping }: TypingSignal): boolean {
    let room = this.typists.get(roomId);
    if (!room) this.typists.set(roomId, (room = new Map()));
    if (isTyping === room.has(userId)) return false;
    if (isTyping) room.set(userId, username);
    else room.delete(userId);
    return true;
  }

  /** A user's message ends their typing (the server's own `false` may come later). */
  clear(roomId: string, userId: string): boolean {
    return this.typists.get(roomId)?.delete(userId) ?? false;
  }

  /** Usernames typing in a room now. */
  who(roomId: string): string[] {
    return [...(this.typists.get(roomId)?.values() ?? [])];
  }
}
