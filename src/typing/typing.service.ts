import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { TypingSignal } from '../common/ws/server-events';
import { AppConfig } from '../config/app-config';
import { UserSummary } from '../persistence/models';
import { TypingRelay } from './typing.relay';

/** The time source for the renewal throttle; jest's fake timers drive both it and the expiry. */
export abstract class Clock {
  abstract now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A renewed `true` is relayed again at most this often, so idle watchers' indicators stay fresh. */
export const TYPING_RENEW_MS = 2000;

interface Typing {
  username: string;
  relayedAt: number;
  expiry: NodeJS.Timeout;
}

/**
 * Typing state per user and room, and the decision of what to relay. Only users typing now
 * have an entry (with one timer): a `false`, a message, the expiry or going offline removes it.
 * In cluster mode the entries of typers on other nodes are mirrored here (see ClusterTypingRelay).
 */
@Injectable()
export class TypingService implements OnModuleDestroy {
  private readonly typing = new Map<string, Map<string, Typing>>();

  constructor(
    private readonly relay: TypingRelay,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  start(roomId: string, user: UserSummary): void {
    if (this.track(roomId, user, false)) this.relay.send({ roomId, userId: user.id, username: user.username, isTyping: true });
  }

  /** Ends the user's typing in the room; relays `false` only when `true` was the last relayed. */
  stop(roomId: string, userId: string): void {
    const ended = this.forget(roomId, userId);
    if (ended) this.relay.send({ roomId, userId, username: ended.username, isTyping: false });
  }

  stopAll(userId: string): void {
    for (const roomId of [...(this.typing.get(userId)?.keys() ?? [])]) this.stop(roomId, userId);
  }

  /** Another node's decision: kept here and delivered to this node's sockets. */
  mirror(signal: TypingSignal): void {
    const { roomId, userId, username, isTyping } = signal;
    if (isTyping) this.track(roomId, { id: userId, username }, true);
    else if (!this.forget(roomId, userId)) return;
    this.relay.deliver(signal);
  }

  /** How many (user, room) pairs are typing now. */
  size(): number {
    let n = 0;
    for (const rooms of this.typing.values()) n += rooms.size;
    return n;
  }

  onModuleDestroy(): void {
    for (const rooms of this.typing.values()) for (const t of rooms.values()) clearTimeout(t.expiry);
    this.typing.clear();
  }

  /** Starts or renews; true when a `true` is due: new, not relayed for TYPING_RENEW_MS, or `relayed` elsewhere. */
  private track(roomId: string, user: UserSummary, relayed: boolean): boolean {
    const rooms = this.typing.get(user.id) ?? new Map<string, Typing>();
    const current = rooms.get(roomId);
    const now = this.clock.now();
    if (!current) {
      // Every node's mirror expires by itself: the expiry reaches this node's sockets only.
      const expiry = setTimeout(() => this.expire(roomId, user.id), this.config.typingTimeoutMs).unref();
      rooms.set(roomId, { username: user.username, relayedAt: now, expiry });
      this.typing.set(user.id, rooms);
      return true;
    }
    current.expiry.refresh();
    if (!relayed && now - current.relayedAt < TYPING_RENEW_MS) return false;
    current.relayedAt = now;
    return true;
  }

  private expire(roomId: string, userId: string): void {
    const ended = this.forget(roomId, userId);
    if (ended) this.relay.deliver({ roomId, userId, username: ended.username, isTyping: false });
  }

  private forget(roomId: string, userId: string): Typing | undefined {
    const rooms = this.typing.get(userId);
    const current = rooms?.get(roomId);
    if (!rooms || !current) return undefined;
    clearTimeout(current.expiry);
    rooms.delete(roomId);
    if (!rooms.size) this.typing.delete(userId);
    return current;
  }
}
