import { Injectable } from '@nestjs/common';
import { RealtimeService } from '../common/ws/realtime.service';
import { MetricsService } from '../metrics/metrics.service';
import { PresenceService } from './presence.service';

/**
 * The presence gauges. `chat_sockets` counts this node's own sockets, so summing it over the
 * instances (as Prometheus users do) gives the cluster's. The `chat_cluster_*` gauges count the
 * whole cluster and are the same on every node (max, not sum, across instances).
 */
@Injectable()
export class PresenceMetrics {
  constructor(metrics: MetricsService, presence: PresenceService, realtime: RealtimeService) {
    metrics.gauge('chat_sockets', 'Sockets connected to this node', () => realtime.localSockets().length);
    metrics.gauge('chat_cluster_sockets', 'Sockets connected to any node (the same on every node)', async () => (await presence.stats()).sockets);
    metrics.gauge('chat_cluster_online_users', 'Users with at least one socket on any node (the same on every node)', async () => (await presence.stats()).users);
  }
}
