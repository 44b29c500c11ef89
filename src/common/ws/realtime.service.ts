import { Injectable } from '@nestjs/common';
import { ChatServer, roomChannel, userChannel } from './server-events';

/** The Socket.IO server for code outside gateways; every fan-out goes through adapter-aware rooms. */
@Injectable()
export class RealtimeService {
  private server?: ChatServer;

  attach(server: ChatServer): void {
    this.server ??= server;
  }

  private get io(): ChatServer {
    if (!this.server) throw new Error('Socket.IO server is not initialised yet');
    return this.server;
  }

  /** Every socket subscribed to any of these rooms, and every socket of these users (each once). */
  to(rooms: { roomIds?: string[]; userIds?: string[] }) {
    const targets = [...(rooms.roomIds ?? []).map(roomChannel), ...(rooms.userIds ?? []).map(userChannel)];
    return this.io.to(targets);
  }

  /** Subscribes (or unsubscribes) every socket of a user, on every node, to a room. */
  subscribe(userIds: string[], roomId: string): void {
    this.io.in(userIds.map(userChannel)).socketsJoin(roomChannel(roomId));
  }

  unsubscribe(userIds: string[], roomId: string): void {
    this.io.in(userIds.map(userChannel)).socketsLeave(roomChannel(roomId));
  }
}
