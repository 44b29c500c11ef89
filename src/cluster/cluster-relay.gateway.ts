import { Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { Server } from 'socket.io';
import { BlockListChangedEvent } from '../blocks/events/block-list-changed.event';
import { ChangesMissedEvent, CLUSTER_CACHE_TTL_MS } from '../common/cluster/changes-missed.event';
import { MembershipChangedEvent } from '../rooms/events/membership-changed.event';
import { RedisClients } from './redis-clients';

/** Server-side event of the Socket.IO adapter that carries a batch of invalidations. */
const CHANNEL = 'cluster:invalidations';
/** Longest an announcement waits for the other nodes: a node that never answers (gone, or Redis away) must not hang a leave. */
export const RELAY_TIMEOUT_MS = 1000;

type Relayed = { event: typeof MembershipChangedEvent.eventName; roomId: string; userId: string; kind: MembershipChangedEvent['kind'] } | { event: typeof BlockListChangedEvent.eventName; blockerId: string };

const rebuild = (r: Relayed) => (r.event === BlockListChangedEvent.eventName ? new BlockListChangedEvent(r.blockerId, true) : new MembershipChangedEvent(r.roomId, r.userId, r.kind, true));

/**
 * Cluster mode: re-raises membership and block-list changes committed here on every other
 * node, through the Socket.IO adapter's serverSideEmit, where each node's own listeners apply
 * them to their caches, sockets and presence. The announcing call waits for every other
 * node's acknowledgement, so once a leave is answered no node still admits the leaver. That
 * emit goes over Redis pub/sub (not the adapter's stream): a node whose subscriber is away
 * loses it, and past RELAY_TIMEOUT_MS the change is answered anyway. What bounds it then: the
 * leaver's sockets everywhere also leave through the stream (MembershipSync), a node drops
 * its caches when its Redis connection is back (ChangesMissedEvent), and their entries expire
 * after CLUSTER_CACHE_TTL_MS. Changes raised in one tick travel as one batch.
 */
@WebSocketGateway()
export class ClusterRelay implements OnGatewayInit {
  private readonly logger = new Logger(ClusterRelay.name);
  private server?: Server;
  private batch: Relayed[] = [];
  private sent?: Promise<void>;

  constructor(private readonly events: EventEmitter2, redis: RedisClients) {
    redis.onRecovered(() => this.events.emit(ChangesMissedEvent.eventName, new ChangesMissedEvent()));
  }

  afterInit(server: Server): void {
    this.server = server;
    server.on(CHANNEL, (batch: Relayed[], ack?: () => void) => {
      for (const relayed of batch) this.events.emit(relayed.event, rebuild(relayed));
      ack?.();
    });
  }

  @OnEvent(MembershipChangedEvent.eventName)
  membership({ roomId, userId, kind, remote }: MembershipChangedEvent): Promise<void> | undefined {
    return remote ? undefined : this.relay({ event: MembershipChangedEvent.eventName, roomId, userId, kind });
  }

  @OnEvent(BlockListChangedEvent.eventName)
  blocks({ blockerId, remote }: BlockListChangedEvent): Promise<void> | undefined {
    return remote ? undefined : this.relay({ event: BlockListChangedEvent.eventName, blockerId });
  }

  private relay(relayed: Relayed): Promise<void> {
    this.batch.push(relayed);
    this.sent ??= Promise.resolve().then(() => this.flush());
    return this.sent;
  }

  private async flush(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    this.sent = undefined;
    if (!this.server) return;
    const acked = this.server.serverSideEmitWithAck(CHANNEL, batch);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, RELAY_TIMEOUT_MS, 'timeout')));
    const outcome = await Promise.race([acked.then(() => 'acked' as const, (err: Error) => err), timeout]);
    clearTimeout(timer);
    if (outcome !== 'acked') this.logger.warn(`${batch.length} change(s) not yet acknowledged by every node (${outcome === 'timeout' ? 'timeout' : outcome.message}); a node that missed them answers from its caches until its Redis connection is back or for at most ${CLUSTER_CACHE_TTL_MS} ms`);
  }
}
