import { http, openDirect, registerUser, TestUser } from './support/http';
import { tempDbPath } from './support/harness';
import { ServerProcess, spawnServer } from './support/server-process';
import { ack, Client, connect, next } from './support/sockets';

const BATCHES = 12;
const BATCH = 50; // 600 events, sent in batches so this process's own loop keeps timing the canary
const CANARY = 50;

/** One of each kind of event the flood mixes: valid, unknown room, invalid payload, unknown event. */
function floodEvent(socket: Client, roomId: string, i: number): Promise<any> {
  const kinds: Array<[string, unknown]> = [
    ['markRead', { roomId, seq: 1 }],
    ['joinRoom', { roomId }],
    ['createChannel', { name: `flood-${process.pid}-${i}` }],
    ['roomMessage', { roomId: '000000000000000000000000', body: 'x', tempId: `t${i}` }],
    ['roomMessage', { nonsense: true }],
    ['noSuchEvent', { i }],
  ];
  const [event, payload] = kinds[i % kinds.length];
  return socket.timeout(15_000).emitWithAck(event, payload);
}

/** Carol sends Dave one message every 20 ms; resolves with each send->receive latency in ms. */
async function canary(carol: Client, dave: Client, roomId: string): Promise<number[]> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const all = new Promise<void>((resolve) =>
    dave.on('roomMessageRecieved', (m: { body: string }) => {
      if (!sentAt.has(m.body)) return;
      latencies.push(performance.now() - sentAt.get(m.body)!);
      if (latencies.length === CANARY) resolve();
    }),
  );
  for (let i = 0; i < CANARY; i++) {
    sentAt.set(`canary ${i}`, performance.now());
    carol.emit('roomMessage', { roomId, body: `canary ${i}`, tempId: `c${i}` });
    await new Promise((r) => setTimeout(r, 20)); // the canary's send rate, not synchronisation
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`only ${latencies.length} canaries arrived`)), 10_000)));
  await Promise.race([all, late]).finally(() => clearTimeout(timer));
  return latencies.sort((a, b) => a - b);
}

describe('Event budget (e2e, built server process, default budget)', () => {
  let server: ServerProcess;
  const sockets: Client[] = [];

  beforeAll(async () => {
    // Message limits out of the way: the canary sends 50/s, and only the event budget is under test.
    server = await spawnServer({ SQLITE_PATH: tempDbPath(), RATE_LIMIT_PER_SEC: '1000', RATE_LIMIT_BURST: '1000' });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    server.child.kill('SIGTERM');
    await server.exited;
  });

  const user = (name: string): Promise<TestUser> => registerUser(server.url, name);

  it('refuses a mixed flood with RATE.LIMITED once over budget, never runs it, and a canary DM between others is never held up for long', async () => {
    const [mallory, friend, carol, dave] = await Promise.all(['mallory', 'friend', 'carol', 'dave'].map(user));
    const [floodRoom, canaryRoom] = await Promise.all([openDirect(server.url, mallory, friend), openDirect(server.url, carol, dave)]);
    const [m, c, d] = await Promise.all([mallory, carol, dave].map((u) => connect(server.url, u.token)));
    sockets.push(m, c, d);

    // Warm: a server that has run for a while has compiled these paths; the first call of each is slow.
    const warm: any[] = [];
    for (let i = 0; i < 6; i++) warm.push(await floodEvent(m, floodRoom, BATCHES * BATCH + i));
    for (let i = 0; i < 5; i++) await Promise.all([ack(c, 'roomMessage', { roomId: canaryRoom, body: 'warm' }), next(d, 'roomMessageRecieved')]);

    const latencies = canary(c, d, canaryRoom);
    const answers: Array<Promise<any>> = [];
    for (let b = 0; b < BATCHES; b++) {
      for (let i = 0; i < BATCH; i++) answers.push(floodEvent(m, floodRoom, b * BATCH + i));
      await new Promise((r) => setImmediate(r));
    }
    const results = await Promise.all(answers);
    const limited = results.filter((r) => r.error?.code === 'RATE.LIMITED');
    expect(limited.every((r) => r.success === false && r.error.retryAfterMs > 0)).toBe(true);
    // 60 at once, then 30/s: the flood takes well under 4 s, so at most 60 + 4 * 30 got through.
    expect(results.length - limited.length).toBeLessThanOrEqual(180);
    expect(limited.length).toBeGreaterThanOrEqual(BATCHES * BATCH - 180);

    // The 50 ms target is measured by the bench (`--scenarios=flood`), side by side with the quiet
    // reference; here only the failure it replaced: an unbudgeted flood held the canary for seconds.
    const sorted = await latencies;
    const p99 = sorted[Math.ceil(sorted.length * 0.99) - 1];
    expect(p99).toBeLessThan(500);

    // A refused createChannel never ran: Mallory's channels are exactly the acked creations.
    const created = [...warm, ...results].filter((r) => r.success && r.channel).length;
    const rooms = await http(server.url, 'GET', '/rooms?limit=200', { token: mallory.token });
    expect(rooms.status).toBe(200);
    expect(JSON.stringify(rooms.body).match(/"flood-\d+-\d+"/g) ?? []).toHaveLength(created);
  });
});
