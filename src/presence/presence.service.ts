import { UserSummary } from '../persistence/models';

export interface PresenceStats {
  users: number;
  sockets: number;
  rooms: number;
}

export interface SocketRemoval {
  userId: string;
  /** True when this was the user's last socket. */
  wentOffline: boolean;
  /** The rooms the user was an online member of. */
  roomIds: string[];
}

/** Who held a socket, as its node still knows at the disconnect: enough to announce the user offline later. */
export interface SocketOwner {
  userId: string;
  roomIds: string[];
}

/**
 * Who is online, on how many sockets, in which rooms. The port a Redis-backed
 * implementation replaces in cluster mode, hence async. No Socket.IO types here.
 */
export abstract class PresenceService {
  /** Registers a socket; true when it is the user's first (the user came online). */
  abstract addUser(socketId: string, user: UserSummary): Promise<boolean>;
  /** Forgets a socket; null when it was never registered. `owner` serves a removal that has to wait (cluster mode, Redis away). */
  abstract removeUser(socketId: string, owner?: SocketOwner): Promise<SocketRemoval | null>;
  /** Marks an online user as an online member of these rooms (one round trip in cluster mode); ignored for offline users. */
  abstract joinRooms(userId: string, roomIds: string[]): Promise<void>;
  joinRoom(userId: string, roomId: string): Promise<void> {
    return this.joinRooms(userId, [roomId]);
  }
  abstract leaveRoom(userId: string, roomId: string): Promise<void>;
  abstract getUsersInRoom(roomId: string): Promise<UserSummary[]>;
  abstract isOnline(userId: string): Promise<boolean>;
  /** Online users, their sockets and rooms with an online member: the whole cluster in cluster mode. */
  abstract stats(): Promise<PresenceStats>;
}
