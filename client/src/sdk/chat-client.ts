import { io } from 'socket.io-client';
import type { ReadyPayload } from '../../../src/common/ws/protocol';
import { catchUp } from './catch-up';
import { Emitter } from './emitter';
import { wireLiveEvents, wireStatusEvents } from './live-events';
import { Outbox } from './outbox';
import { RestClient } from './rest';
import { RoomActions } from './room-actions';
import { readRoomList } from './room-list';
import { RoomReads } from './room-reads';
import { RoomRegistry } from './room-registry';
import type { ChatSocket } from './socket';
import { Timeline } from './timeline';
import { Typing } from './typing';
import type { ChatClientOptions, ChatEvents, ChatMessage, UserSummary } from './types';

/** The protocol's client half: one connection, my rooms, their messages and my outbox. */
export class ChatClient extends Emitter<ChatEvents> {
  readonly rest: RestClient;
  readonly rooms = new RoomRegistry();
  readonly online = new Set<string>();
  readonly names = new Map<string, string>();
  readonly typing = new Typing(() => this.connectedSocket());
  readonly actions = new RoomActions(this);
  me: UserSummary = { id: '', username: '' };
  private readonly socket: ChatSocket;
  private readonly outbox: Outbox;
  private readonly timeline: Timeline;
  private readonly reads: RoomReads;

  constructor(options: ChatClientOptions) {
    super();
    const timeoutMs = options.ackTimeoutMs ?? 10_000;
    this.rest = new RestClient(options.url, options.token);
    this.socket = io(options.url, { auth: { token: options.token }, autoConnect: false });
    const changed = (roomId: string) => this.emit('messages', roomId);
    this.outbox = new Outbox({ connected: () => this.connectedSocket(), me: () => this.me, room: (id) => this.rooms.get(id), store: (id) => this.rooms.store(id), changed }, timeoutMs);
    const heard = (m: ChatMessage) => this.typing.clear(m.roomId, m.sender.id) && this.emit('typing', m.roomId);
    this.timeline = new Timeline({ me: () => this.me, changed, gap: (id) => void this.catchUp([id], timeoutMs), heard }, this.rooms, this.outbox);
    this.reads = new RoomReads(this.rest, this.rooms, this.timeline, timeoutMs);
    wireLiveEvents(this.socket, this.timeline, this.actions);
    wireStatusEvents(this.socket, this);
    this.socket.on('ready', (ready) => void this.onReady(ready, timeoutMs));
  }

  /** Connects; resolves with my user once the first `ready` is in. */
  connect(): Promise<UserSummary> {
    const ready = new Promise<UserSummary>((resolve, reject) => {
      const fail = (err: Error) => (this.socket.off('ready', done), reject(err));
      const done = ({ user }: ReadyPayload) => (this.socket.off('connect_error', fail), resolve(user));
      this.socket.once('ready', done);
      this.socket.once('connect_error', fail);
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

  connectedSocket(): ChatSocket | null {
    return this.socket.connected ? this.socket : null;
  }

  /** A room's messages as held: ascending by seq, each once, my unaccepted ones last. */
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

  /** The next older page of a room (`before=`; the latest page first); answers whether older ones remain. */
  loadOlder(roomId: string, limit = 50): Promise<boolean> {
    return this.reads.loadOlder(roomId, limit).finally(() => this.emit('messages', roomId));
  }

  /** Marks everything held in a room as read. */
  async markRead(roomId: string): Promise<void> {
    if (await this.reads.markRead(this.connectedSocket(), roomId)) this.emit('rooms', undefined);
  }

  /** Every (re)connect: the server's room list, then what was missed, then what is still unsent. */
  private async onReady(ready: ReadyPayload, timeoutMs: number): Promise<void> {
    this.me = ready.user;
    ready.online.forEach((id) => this.online.add(id));
    await this.actions.listed(readRoomList(ready, ready.user.id));
    await this.catchUp(this.rooms.held(), timeoutMs);
    this.outbox.resendAll();
    this.emit('connection', true);
  }

  private async catchUp(roomIds: string[], timeoutMs: number): Promise<void> {
    const socket = this.connectedSocket();
    if (socket && roomIds.length) await catchUp(socket, roomIds, this.timeline, timeoutMs).catch(() => undefined);
  }
}
