import type { Refusal, SendAck } from '../../../src/common/ws/client-events';
import type { ChatSocket } from './socket';
import type { MessageStore } from './message-store';
import { messageKey } from './message-store';
import type { ChatMessage, RoomInfo, UserSummary } from './types';

export interface OutboxHost {
  /** The socket while connected; sends made meanwhile wait for the next connect. */
  connected(): ChatSocket | null;
  me(): UserSummary;
  room(roomId: string): RoomInfo | undefined;
  store(roomId: string): MessageStore;
  changed(roomId: string): void;
}

const newTempId = (): string => globalThis.crypto?.randomUUID?.() ?? `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * My messages until saved: pending -> confirmed | failed | timeout. A resend always carries the
 * same tempId, so the server keeps one copy however often it is sent.
 */
export class Outbox {
  private readonly unsaved = new Map<string, { roomId: string; tempId: string; attempt: number; timer?: ReturnType<typeof setTimeout> }>();

  constructor(
    private readonly host: OutboxHost,
    private readonly ackTimeoutMs: number,
  ) {}

  send(roomId: string, body: string): ChatMessage {
    const tempId = newTempId();
    const me = this.host.me();
    const message = this.host.store(roomId).upsert({ tempId, _id: tempId, roomId, sender: me, body, createdAt: new Date().toISOString(), state: 'pending' });
    this.unsaved.set(messageKey(me.id, tempId), { roomId, tempId, attempt: 0 });
    this.transmit(messageKey(me.id, tempId));
    return message;
  }

  /** Sends a failed or timed-out message again, under its tempId. */
  retry(roomId: string, tempId: string): void {
    const key = messageKey(this.host.me().id, tempId);
    const message = this.host.store(roomId).get(key);
    if (!message || message.state === 'confirmed') return;
    if (!this.unsaved.has(key)) this.unsaved.set(key, { roomId, tempId, attempt: 0 });
    this.transmit(key);
  }

  /** After a reconnect: every message not saved and not refused goes again. */
  resendAll(): void {
    for (const [key, entry] of this.unsaved) if (this.host.store(entry.roomId).get(key)?.state !== 'failed') this.transmit(key);
  }

  /** The message was saved, or refused for good: nothing more to send. */
  settle(key: string): void {
    clearTimeout(this.unsaved.get(key)?.timer);
    this.unsaved.delete(key);
  }

  private transmit(key: string): void {
    const entry = this.unsaved.get(key);
    if (!entry) return;
    const attempt = ++entry.attempt;
    clearTimeout(entry.timer);
    const store = this.host.store(entry.roomId);
    const message = store.patch(key, { state: 'pending', error: undefined });
    this.host.changed(entry.roomId);
    entry.timer = setTimeout(() => this.update(key, { state: 'timeout' }, attempt), this.ackTimeoutMs);
    const socket = this.host.connected();
    if (!socket || !message) return;
    const answer = (ack: SendAck | Refusal) => {
      if (attempt === entry.attempt) clearTimeout(entry.timer);
      if (ack.success) this.update(key, { seq: ack.seq, state: 'pending' }, 0);
      else this.update(key, { state: 'failed', error: ack.error }, attempt);
    };
    if (this.host.room(entry.roomId)?.kind === 'channel') socket.emit('NEW_MESSAGE', { channelId: entry.roomId, body: message.body, tempId: entry.tempId }, answer);
    else socket.emit('roomMessage', { roomId: entry.roomId, body: message.body, tempId: entry.tempId }, answer);
  }

  /** Applies a change unless a later attempt superseded this one (attempt 0: always). */
  private update(key: string, change: Partial<ChatMessage>, attempt: number): void {
    const entry = this.unsaved.get(key);
    if (!entry || (attempt && attempt !== entry.attempt)) return;
    const current = this.host.store(entry.roomId).get(key);
    if (!current || current.state === 'confirmed') return;
    this.host.store(entry.roomId).patch(key, change);
    this.host.changed(entry.roomId);
  }
}
