import type { Server, Socket } from 'socket.io';
import type { UserSummary } from '../../persistence/models';
import type { ClientToServerEvents } from './client-events';
import type { ServerToClientEvents } from './protocol';

export type * from './protocol';

/** Who the handshake token speaks for (set by the auth middleware), and its expiry in epoch seconds. */
export interface SocketData {
  user: UserSummary & { exp: number };
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type ChatServer = Server<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;

export const roomChannel = (roomId: string): string => `room:${roomId}`;
export const userChannel = (userId: string): string => `user:${userId}`;
