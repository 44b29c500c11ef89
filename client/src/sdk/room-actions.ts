import type { Room } from '../../../src/persistence/models';
import type { ChatClient } from './chat-client';
import type { MembershipTarget } from './live-events';
import { RoomListPage, toRoomInfo } from './room-list';
import type { RoomInfo } from './types';

/** Opening, creating, joining and leaving rooms, and hearing that others did. */
export class RoomActions implements MembershipTarget {
  constructor(private readonly client: ChatClient) {}

  async openDirect(userId: string): Promise<RoomInfo> {
    return this.add(await this.client.rest.openDirect(userId));
  }

  async createChannel(name: string, isPrivate = false): Promise<RoomInfo> {
    return this.add(await this.client.rest.createChannel({ name, isPrivate }));
  }

  async join(channelId: string): Promise<RoomInfo> {
    return this.add(await this.client.rest.joinChannel(channelId));
  }

  async leave(channelId: string): Promise<void> {
    await this.client.rest.leaveChannel(channelId);
    this.memberLeft(channelId, this.client.me.id);
  }

  async invite(channelId: string, userId: string): Promise<void> {
    await this.client.rest.invite(channelId, userId);
  }

  roomAdded(room: Room, online: string[] = []): void {
    online.forEach((id) => this.client.online.add(id));
    void this.add(room);
  }

  /** I was added (invited, or joined in another tab): the room is new to me. */
  memberJoined(channelId: string, userId: string): void {
    const known = this.client.rooms.get(channelId);
    if (known) this.client.rooms.update(channelId, { memberCount: (known.memberCount ?? 0) + (userId === this.client.me.id ? 0 : 1) });
    else if (userId === this.client.me.id) void this.client.rest.channel(channelId).then((room) => this.add(room));
    this.client.emit('rooms', undefined);
  }

  memberLeft(channelId: string, userId: string): void {
    const known = this.client.rooms.get(channelId);
    if (!known) return;
    if (userId === this.client.me.id) this.client.rooms.remove(channelId);
    else this.client.rooms.update(channelId, { memberCount: Math.max(0, (known.memberCount ?? 1) - 1) });
    this.client.emit('rooms', undefined);
  }

  /** A page of my rooms (from `ready`, or the next one of `GET /rooms`). */
  async listed(page: RoomListPage): Promise<void> {
    this.client.rooms.merge(page.rooms);
    Object.assign(this.client.rooms, { hasMore: page.hasMore, cursor: page.cursor });
    this.client.emit('rooms', undefined);
    await this.nameAll().catch(() => undefined);
  }

  /** The server lists more of my rooms than `ready` carried: fetch the next page. */
  async loadMoreRooms(): Promise<void> {
    await this.listed(await this.client.rest.rooms(this.client.me.id, this.client.rooms.cursor));
  }

  /** Looks up the usernames of DM peers not named yet (rooms carry only ids). */
  async nameAll(): Promise<void> {
    const unnamed = [...new Set(this.client.rooms.list().flatMap((r) => (r.peerId && !this.client.names.has(r.peerId) ? [r.peerId] : [])))];
    for (let i = 0; i < unnamed.length; i += 100) {
      for (const user of await this.client.rest.usersByIds(unnamed.slice(i, i + 100))) this.client.names.set(user.id, user.username);
    }
    if (unnamed.length) this.client.emit('rooms', undefined);
  }

  private async add(room: Room): Promise<RoomInfo> {
    const known = this.client.rooms.get(room.id);
    const info = toRoomInfo(room, this.client.me.id);
    this.client.rooms.merge([known ? { ...info, lastSeq: known.lastSeq, lastReadSeq: known.lastReadSeq, unread: known.unread } : info]);
    this.client.emit('rooms', undefined);
    await this.nameAll().catch(() => undefined);
    return this.client.rooms.get(room.id) ?? info;
  }
}
