import { Injectable } from '@nestjs/common';
import { DefaultEventsMap, Server } from 'socket.io';
import { ChatServer } from '../common/ws/server-events';
import { AppConfig } from '../config/app-config';
import { StreamMessage, UnsavedMessages } from './unsaved-messages';

const REQUEST = 'timeline:unsavedAfter';
/** Past this, the other nodes are left out (a crashed one is counted until the adapter's heartbeat timeout). */
const PEER_TIMEOUT_MS = 500;

type Answer = (messages: StreamMessage[]) => void;
interface PeerEvents {
  [REQUEST]: (roomId: string, afterSeq: number, limit: number, answer: Answer) => void;
}
type PeerServer = Server<DefaultEventsMap, DefaultEventsMap, PeerEvents>;

/**
 * Accepted, unsaved messages of a room on every node, for `sync` and for a resend whose original
 * another node accepted: this node's own, and in cluster mode the other nodes' too, asked through
 * the Socket.IO adapter (serverSideEmit with acks). A send pays nothing for it.
 */
@Injectable()
export class UnsavedAcrossNodes {
  private peers?: PeerServer;

  constructor(
    private readonly unsaved: UnsavedMessages,
    private readonly config: AppConfig,
  ) {}

  /** Answers the other nodes' requests; one node has no peers (its adapter cannot ask any). */
  listen(server: ChatServer): void {
    if (!this.config.redisUrl) return;
    this.peers = server as unknown as PeerServer;
    this.peers.on(REQUEST, (roomId, afterSeq, limit, answer) => answer(this.unsaved.after(roomId, afterSeq).slice(0, limit)));
  }

  /** Whether a node holds this position of the room accepted and unsaved. */
  async holds(roomId: string, seq: number): Promise<boolean> {
    return (await this.after(roomId, seq - 1, 1)).some((m) => m.seq === seq);
  }

  /**
   * At most `limit` per node, the lowest positions: enough for the first `limit` of the merged
   * stream (mergeStream), as every message cut ranks after those kept.
   */
  async after(roomId: string, afterSeq: number, limit: number): Promise<StreamMessage[]> {
    const own = this.unsaved.after(roomId, afterSeq);
    if (!this.peers) return own;
    const peers = this.peers;
    const others = await new Promise<StreamMessage[][]>((resolve) => {
      // The adapter's own timeout is 5 s, too long for a sync: past ours, this node's own must do.
      const timer = setTimeout(() => resolve([]), PEER_TIMEOUT_MS);
      peers.serverSideEmit(REQUEST, roomId, afterSeq, limit, (_err: Error | null, answers: StreamMessage[][]) => {
        clearTimeout(timer);
        resolve(answers ?? []);
      });
    });
    if (others.length === 0) return own;
    return [...own, ...others.flat().map((m) => ({ ...m, createdAt: new Date(m.createdAt) }))].sort((x, y) => x.seq - y.seq);
  }
}
