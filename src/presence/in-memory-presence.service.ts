import { Injectable } from '@nestjs/common';
import { UserSummary } from '../persistence/models';
import { PresenceService, PresenceStats, SocketRemoval } from './presence.service';

interface OnlineUser {
  user: UserSummary;
  sockets: Set<string>;
  rooms: Set<string>;
}

/** The single-node SocketManager state (DESIGN.md section 4); every operation O(1) or O(rooms of one user). */
@Injectable()
export class InMemoryPresenceService extends PresenceService {
  private readonly users = new Map<string, OnlineUser>();
  private readonly socketToUser = new Map<string, string>();
  private readonly rooms = new Map<string, Set<string>>();

  async addUser(socketId: string, user: UserSummary): Promise<boolean> {
    if (this.socketToUser.has(socketId)) return false;
    this.socketToUser.set(socketId, user.id);
    const online = this.users.get(user.id);
    if (online) {
      online.sockets.add(socketId);
      return false;
    }
    this.users.set(user.id, { user, sockets: new Set([socketId]), rooms: new Set() });
    return true;
  }

  async removeUser(socketId: string): Promise<SocketRemoval | null> {
    const userId = this.socketToUser.get(socketId);
    if (userId === undefined) return null;
    this.socketToUser.delete(socketId);
    const online = this.users.get(userId)!;
    online.sockets.delete(socketId);
    const roomIds = [...online.rooms];
    if (online.sockets.size > 0) return { userId, wentOffline: false, roomIds };
    for (const roomId of roomIds) this.removeFromRoom(userId, roomId);
    this.users.delete(userId);
    return { userId, wentOffline: true, roomIds };
  }

  async joinRooms(userId: string, roomIds: string[]): Promise<void> {
    const online = this.users.get(userId);
    if (!online) return;
    for (const roomId of roomIds) {
      online.rooms.add(roomId);
      const members = this.rooms.get(roomId);
      if (members) members.add(userId);
      else this.rooms.set(roomId, new Set([userId]));
    }
  }

  async leaveRoom(userId: string, roomId: string): Promise<void> {
    this.users.get(userId)?.rooms.delete(roomId);
    this.removeFromRoom(userId, roomId);
  }

  async getUsersInRoom(roomId: string): Promise<UserSummary[]> {
    return [...(this.rooms.get(roomId) ?? [])].map((id) => this.users.get(id)!.user);
  }

  async isOnline(userId: string): Promise<boolean> {
    return this.users.has(userId);
  }

  async stats(): Promise<PresenceStats> {
    return { users: this.users.size, sockets: this.socketToUser.size, rooms: this.rooms.size };
  }

  private removeFromRoom(userId: string, roomId: string): void {
    const members = this.rooms.get(roomId);
    if (!members) return;
    members.delete(userId);
    if (members.size === 0) this.rooms.delete(roomId);
  }
}
