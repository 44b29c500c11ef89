import { io } from 'socket.io-client';
import type { ReadyPayload } from '../../../src/common/ws/protocol';
import { catchUp } from './catch-up';
import { Emitter } from './emitter';
import { wireLiveEvents } from './live-events';
import { Outbox } from './outbox';
import { RestClient } from './rest';
import { RoomActions } from './room-actions';
import { RoomRegistry } from './room-registry';
import { readRoomList } from './room-list';
import type { ChatSocket } from './socket';
import { Timeline } from './timeline';
import { Typing } from './typing';
import type { ChatMessage, UserSummary } from './types';

export interface ChatClientOptions {
  url: string;
  token: string;
  /** No answer from the server within this long: the message shows `timeout` (and is resent on reconnect). */
  ackTimeoutMs?: number;
}

export type ChatEvents = {
  /** Connected (and caught up) or not. */
  connection: boolean;
  rooms: void;
  messages: string;
  typing: string;
  presence: string;
};

/** The protocol's client half: one connection, my rooms, their messages and my outbox. */
export class ChatClient extends Emitter<ChatEvents> {
  readonly rest: RestClient;
  readonly rooms = new RoomRegistry();
  readonly online = new Set<string>();
  readonly names = new Map<string, string>();
  readonly typing: Typing;
  readonly actions: RoomActions;
  me: UserSummary = { id: '', username: '' };
  private readonly socket: ChatSocket;
  private readonly outbox: Outbox;
  private readonly timeline: Timeline;
  private readonly timeoutMs: number;

  constructor(options: ChatClientOptions) {
    super();
    this.timeoutMs = options.ackTimeoutMs ?? 10_000;
    this.rest = new RestClient(options.url, options.token);
    this.socket = io(options.url, { auth: { token: options.token }, autoConnect: false });
    this.typing = new Typing(() => this.connectedSocket());
    this.outbox = new Outbox({ connected: () => this.connectedSocket(), me: () => this.me, room: (id) => this.rooms.get(id), store: (id) => this.rooms.store(id), changed: (id) => this.emit('messages', id) }, this.timeoutMs);
    this.timeline = new Timeline({ me: () => this.me, changed: (id) => this.emit('messages', id), gap: (id) => void this.catchUp([id]), heard: (m) => this.typing.clear(m.roomId, m.sender.id) && this.emit('typing', m.roomId) }, this.rooms, this.outbox);
    this.actions = new RoomActions(this);
    wireLiveEvents(this.socket, this.timeline, this.actions);
    this.socket.on('ready', (ready) => void this.onReady(ready));
    this.socket.on('disconnect', () => this.emit('connection', false));
    this.socket.on('userTyping', (signal) => this.typing.received(signal) && this.emit('typing', signal.roomId));
    this.socket.on('userOnline', ({ userId }) => this.presence(userId, true));
    this.socket.on('userOffline', ({ userId }) => this.presence(userId, false));
    this.socket.on('readMarker', ({ roomId, lastReadSeq, unread }) => this.roomChanged(roomId, { lastReadSeq, unread }));
  }

  /** Connects; resolves with my user once the first `ready` is in. */
  connect(): Promise<UserSummary> {
    const ready = new Promise<UserSummary>((resolve, reject) => {
      this.socket.once('ready', ({ user }) => resolve(user));
      this.socket.once('connect_error', reject);
    });
    this.socket.connect();
    return ready;
  }

  disconnect(): void {
    this.socket.disconnect();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  messages(roomId: string): ChatMessage[] {
    return this.rooms.store(roomId).list();
  }

  send(roomId: string, body: string): ChatMessage {
    this.typing.stop(roomId, false);
    return this.outbox.send(roomId, body);
  }

  retry(roomId: string, tempId: string): void {
    this.outbox.retry(roomId, tempId);
  }

  /** The next older page of a room (the latest page first); answers whether older ones remain. */
  async loadOlder(roomId: string, limit = 50): Promise<boolean> {
    const store = this.rooms.store(roomId);
    const before = store.oldestSeq();
    const page = await this.rest.history(roomId, { limit, ...(before !== undefined && { before }) });
    for (const m of page.messages) this.timeline.message({ ...m, createdAt: String(m.createdAt), state: 'confirmed' }, false);
    store.hasOlder = page.hasMore;
    this.emit('messages', roomId);
    return page.hasMore;
  }

  /** Marks everything held in a room as read (its position now). */
  async markRead(roomId: string): Promise<void> {
    const seq = this.rooms.store(roomId).lastSeq;
    const socket = this.connectedSocket();
    if (!socket || seq === 0) return;
    const answer = await socket.timeout(this.timeoutMs).emitWithAck('markRead', { roomId, seq });
    if (answer.success) this.roomChanged(roomId, { lastReadSeq: answer.lastReadSeq, unread: answer.unread });
  }

  /** The server lists more of my rooms than `ready` carried: fetch the next page. */
  async loadMoreRooms(): Promise<void> {
    const page = await this.rest.rooms(this.me.id, this.rooms.cursor);
    this.rooms.merge(page.rooms);
    Object.assign(this.rooms, { hasMore: page.hasMore, cursor: page.cursor });
    this.emit('rooms', undefined);
    await this.actions.nameAll();
  }

  private async onReady(ready: ReadyPayload): Promise<void> {
    this.me = ready.user;
    const page = readRoomList(ready, ready.user.id);
    this.rooms.merge(page.rooms);
    Object.assign(this.rooms, { hasMore: page.hasMore, cursor: page.cursor });
    ready.online.forEach((id) => this.online.add(id));
    await this.actions.nameAll().catch(() => undefined);
    this.emit('rooms', undefined);
    await this.catchUp(this.rooms.held());
    this.outbox.resendAll();
    this.emit('connection', true);
  }

  private async catchUp(roomIds: string[]): Promise<void> {
    const socket = this.connectedSocket();
    if (socket && roomIds.length) await catchUp(socket, roomIds, this.timeline, this.timeoutMs).catch(() => undefined);
  }

  roomChanged(roomId: string, change: Parameters<RoomRegistry['update']>[1]): void {
    this.rooms.update(roomId, change);
    this.emit('rooms', undefined);
  }

  private presence(userId: string, online: boolean): void {
    if (online) this.online.add(userId);
    else this.online.delete(userId);
    this.emit('presence', userId);
  }

  connectedSocket(): ChatSocket | null {
    return this.socket.connected ? this.socket : null;
  }
}
