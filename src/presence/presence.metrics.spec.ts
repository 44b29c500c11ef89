import { RealtimeService } from '../common/ws/realtime.service';
import { MetricsService } from '../metrics/metrics.service';
import { InMemoryPresenceService } from './in-memory-presence.service';
import { PresenceMetrics } from './presence.metrics';

describe(PresenceMetrics.name, () => {
  let metrics: MetricsService;
  const presence = new InMemoryPresenceService();
  // Two of the cluster's three sockets are this node's.
  const realtime = { localSockets: () => [{}, {}] } as unknown as RealtimeService;

  beforeEach(async () => {
    metrics = new MetricsService();
    new PresenceMetrics(metrics, presence, realtime);
    for (const [socketId, id] of [['s1', 'a'], ['s2', 'a'], ['s3', 'b']]) await presence.addUser(socketId, { id, username: id });
  });
  afterEach(() => metrics.onModuleDestroy());

  it("exports this node's sockets (summable) apart from the cluster's totals, and answers while presence cannot be read", async () => {
    const expected = [/^chat_sockets 2$/m, /^chat_cluster_sockets 3$/m, /^chat_cluster_online_users 2$/m];
    const text = await metrics.registry.metrics();
    for (const line of expected) expect(text).toMatch(line);
    jest.spyOn(presence, 'stats').mockRejectedValue(new Error('Redis away'));
    const during = await metrics.registry.metrics();
    for (const line of expected) expect(during).toMatch(line);
  });
});
