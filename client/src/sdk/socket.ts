import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents } from '../../../src/common/ws/client-events';
import type { ServerToClientEvents } from '../../../src/common/ws/protocol';

/** The socket with the server's own event maps: a renamed event is a compile error here too. */
export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
