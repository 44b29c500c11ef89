import { Injectable } from '@nestjs/common';
import { Server } from 'socket.io';
import { ChatServer, roomChannel, ServerToClientEvents, SocketData, TypingSignal, userChannel } from '../common/ws/server-events';
import { TypingRelay } from './typing.relay';

/** The server with the one server-to-server event typing uses. */
type PeerServer = Server<Record<string, never>, ServerToClientEvents, { typing: (signal: TypingSignal) => void }, SocketData>;

/**
 * Cluster mode: every node keeps a mirror of who types where, so a stop, a message or the
 * last socket going away on any node ends the typing wherever it started, with no Redis
 * command. A decision costs one serverSideEmit (one adapter stream entry, as a room
 * broadcast would); each node then delivers to its own sockets, and expires its own mirror,
 * so an expiry costs nothing between nodes, even when the deciding node died.
 */
@Injectable()
export class ClusterTypingRelay extends TypingRelay {
  private server?: PeerServer;

  override attach(server: ChatServer, mirror: (signal: TypingSignal) => void): void {
    this.server = server as unknown as PeerServer;
    this.server.on('typing', mirror);
  }

  send(signal: TypingSignal): void {
    this.deliver(signal);
    this.server?.serverSideEmit('typing', signal);
  }

  deliver(signal: TypingSignal): void {
    this.server?.local.to(roomChannel(signal.roomId)).except(userChannel(signal.userId)).emit('userTyping', signal);
  }
}
