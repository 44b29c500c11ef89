import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppConfig } from '../../config/app-config';
import { QueuedPacket, queuedBytesOver } from './queued-bytes';
import { ChatServer, ChatSocket, roomChannel, userChannel } from './server-events';

/** The parts of an engine.io connection we read: its queue of packets not yet sent. */
interface EngineClient {
  writeBuffer: QueuedPacket[];
  close(discard: boolean): void;
}

/** The Socket.IO server for code outside gateways; every fan-out goes through adapter-aware rooms. */
@Injectable()
export class RealtimeService {
  private server?: ChatServer;
  private readonly clustered: boolean;

  constructor(config: AppConfig) {
    this.clustered = config.redisUrl !== undefined;
  }

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

  /** A socket connected to this node, if it still is. */
  socket(socketId: string): ChatSocket | undefined {
    return this.io.sockets.sockets.get(socketId);
  }

  /** The sockets connected to this node. */
  localSockets(): ChatSocket[] {
    return [...this.io.sockets.sockets.values()];
  }

  /**
   * Subscribes (or unsubscribes) every socket of these users to a room, at once on this node:
   * in the same step that flags sockets connecting here (MembershipSync). With `everywhere`,
   * cluster mode also does it on every node through the adapter: room operations ride its
   * Redis stream, which a node reads on from where it was after an outage, while ClusterRelay's
   * re-raise travels over pub/sub and is lost to a node that was away. Twice is harmless.
   */
  subscribe(userIds: string[], roomId: string, everywhere = false): void {
    this.io.local.in(userIds.map(userChannel)).socketsJoin(roomChannel(roomId));
    if (everywhere && this.clustered) this.io.in(userIds.map(userChannel)).socketsJoin(roomChannel(roomId));
  }

  unsubscribe(userIds: string[], roomId: string, everywhere = false): void {
    this.io.local.in(userIds.map(userChannel)).socketsLeave(roomChannel(roomId));
    if (everywhere && this.clustered) this.io.in(userIds.map(userChannel)).socketsLeave(roomChannel(roomId));
  }

  /** Closes every connection with more than `limit.packets` packets or about `limit.bytes` bytes waiting to be sent; returns how many. */
  closeConnectionsQueuedOver(limit: { packets: number; bytes: number }): number {
    let closed = 0;
    for (const client of Object.values(this.engineClients())) {
      if (client.writeBuffer.length <= limit.packets && !queuedBytesOver(client.writeBuffer, limit.bytes)) continue;
      client.close(true);
      closed++;
    }
    return closed;
  }

  private engineClients(): Record<string, EngineClient> {
    return this.server ? (this.server.engine as unknown as { clients: Record<string, EngineClient> }).clients : {};
  }

  /**
   * Resolves once every connection has handed its queued packets to the network (or the
   * timeout passed). Closing the server discards unsent packets, so shutdown waits here.
   */
  async flushOutgoing(timeoutMs = 2000): Promise<void> {
    if (!this.server) return;
    // Emits deferred to setImmediate (the pipeline's fan-out) join the buffers first.
    await new Promise((resolve) => setImmediate(resolve));
    const clients = this.engineClients();
    const deadline = Date.now() + timeoutMs;
    while (Object.values(clients).some((c) => c.writeBuffer.length > 0) && Date.now() < deadline) await sleep(5);
  }

  /**
   * Disconnects every socket, each once its queued packets are sent (engine.io closes a
   * transport after its drain), and waits for that. Closing the server instead would
   * discard them.
   */
  async disconnectAll(timeoutMs = 2000): Promise<void> {
    if (!this.server) return;
    // This node's sockets only: through the cluster adapter, disconnectSockets reaches every node.
    this.server.local.disconnectSockets(true);
    const deadline = Date.now() + timeoutMs;
    while (Object.keys(this.engineClients()).length > 0 && Date.now() < deadline) await sleep(5);
  }
}
