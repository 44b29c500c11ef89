import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DefaultEventsMap, Server } from 'socket.io';
import { ChatServer } from '../common/ws/server-events';
import { AppConfig } from '../config/app-config';
import { PeerRequests } from './peer-requests';
import { StreamMessage, UnsavedMessages } from './unsaved-messages';

const REQUEST = 'timeline:unsavedAfter';
const ANSWER = 'timeline:unsavedAnswer';
/** Past this, the nodes that have not answered are left out, and the answer says it is incomplete. */
const PEER_TIMEOUT_MS = 500;

export interface UnsavedQuery {
  roomId: string;
  afterSeq: number;
  limit: number;
}
/** Per query, in order; `complete` when every other node answered. */
export interface UnsavedAnswer {
  complete: boolean;
  rooms: StreamMessage[][];
}
interface PeerEvents {
  [REQUEST]: (requestId: string, queries: UnsavedQuery[]) => void;
  [ANSWER]: (requestId: string, rooms: StreamMessage[][]) => void;
}
type PeerServer = Server<DefaultEventsMap, DefaultEventsMap, PeerEvents>;

/**
 * Accepted, unsaved messages on every node, for `sync` and for a resend whose original another
 * node accepted: this node's own, and in cluster mode the other nodes' too. Not serverSideEmit's
 * ack: it answers only once every node the adapter counts (its Redis subscribers, a hung one
 * too) did, or after 5 s, so answers are gathered here as they arrive, one request for all the
 * rooms of a call. A send pays nothing for it.
 */
@Injectable()
export class UnsavedAcrossNodes {
  private peers?: PeerServer;
  private readonly requests = new PeerRequests<StreamMessage[][]>();

  constructor(
    private readonly unsaved: UnsavedMessages,
    private readonly config: AppConfig,
  ) {}

  /** Answers the other nodes' requests; one node has no peers (its adapter cannot ask any). */
  listen(server: ChatServer): void {
    if (!this.config.redisUrl) return;
    const peers = (this.peers = server as unknown as PeerServer);
    peers.on(REQUEST, (requestId, queries) => peers.serverSideEmit(ANSWER, requestId, this.own(queries)));
    peers.on(ANSWER, (requestId, rooms) => this.requests.answered(requestId, rooms));
  }

  /** Whether a node holds this position of the room accepted and unsaved; undefined when a node did not answer. */
  async holds(roomId: string, seq: number): Promise<boolean | undefined> {
    const { complete, rooms } = await this.after([{ roomId, afterSeq: seq - 1, limit: 1 }]);
    return rooms[0].some((m) => m.seq === seq) || (complete ? false : undefined);
  }

  /**
   * At most `limit` per node and room, the lowest positions: enough for the first `limit` of the
   * merged stream (mergeStream), as every message cut ranks after those kept.
   */
  async after(queries: UnsavedQuery[]): Promise<UnsavedAnswer> {
    const own = this.own(queries);
    if (!this.peers || queries.length === 0) return { complete: true, rooms: own };
    // Counted in Redis: while it is away (the count would wait for it), nobody can be asked, and the answer says so.
    const count = Promise.resolve(this.peers.sockets.adapter.serverCount()).catch(() => undefined);
    const nodes = await Promise.race([count, sleep(PEER_TIMEOUT_MS, undefined, { ref: false })]);
    if (nodes === undefined) return { complete: false, rooms: own };
    const expected = nodes - 1;
    const requestId = randomUUID();
    const gathered = this.requests.gather(requestId, expected, PEER_TIMEOUT_MS);
    this.peers.serverSideEmit(REQUEST, requestId, queries);
    const { complete, answers } = await gathered;
    const rooms = own.map((mine, i) => {
      const theirs = answers.flatMap((answer) => answer[i] ?? []).map((m) => ({ ...m, createdAt: new Date(m.createdAt) }));
      return theirs.length === 0 ? mine : [...mine, ...theirs].sort((x, y) => x.seq - y.seq);
    });
    return { complete, rooms };
  }

  private own(queries: UnsavedQuery[]): StreamMessage[][] {
    return queries.map(({ roomId, afterSeq, limit }) => this.unsaved.after(roomId, afterSeq).slice(0, limit));
  }
}
