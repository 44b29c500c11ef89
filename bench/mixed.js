// The mixed-workload row: many users in many rooms sending, marking read, reading history
// and joining/leaving a channel at a fixed rate, on a server of its own (so its rooms and
// messages change no other row), with the server's event-loop delay from its /metrics.
const { connectMany, closeAll, now, summarize } = require('./clients');
const { MixedLoad } = require('./mixed-load');
const { topology, operations } = require('./mixed-plan');
const { eventLoopDelay } = require('./loop-delay');
const { seed } = require('./seed');
const servers = require('./servers');

const TARGET_DELAY_MS = 5;
const IDLE_WINDOW_MS = 2000;
const ms = (v) => Math.round(v * 1000) / 1000;

/** Starts the plan's operations at `perSecond`, open loop; resolves every result. */
async function paced(load, ops, perSecond) {
  const start = now();
  const results = [];
  for (const [i, op] of ops.entries()) {
    const wait = start + (i * 1000) / perSecond - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    results.push(load.run(op));
  }
  return Promise.all(results);
}

async function mixed(_running, _seedData, opts) {
  const { users, rooms } = topology();
  const data = seed(users, rooms);
  const server = await servers.startOurs({ ...opts.env, ...data.env });
  try {
    const sockets = await connectMany(server.url, data.tokens);
    const load = new MixedLoad(server.url, sockets.map((socket, u) => ({ socket, token: data.tokens[u] })));
    const count = opts.mixedRate * opts.mixedSeconds;
    const [warmup, measured] = [operations(data.roomIds, opts.mixedRate, 2), operations(data.roomIds, count)];
    await paced(load, warmup, opts.mixedRate);
    // The same server's delay with nothing to do: what the machine adds (others' processes on its core).
    await eventLoopDelay(server.url);
    await new Promise((r) => setTimeout(r, IDLE_WINDOW_MS));
    const idle = await eventLoopDelay(server.url);
    if (!(idle.samples > 0)) throw new Error(`no event-loop delay samples in ${server.url}/metrics: is dist/ built from this tree?`);
    const [cpuBefore, t0] = [await server.cpu(), now()];
    const results = await paced(load, measured, opts.mixedRate);
    const delay = await eventLoopDelay(server.url);
    const cpuPercent = ((await server.cpu()) - cpuBefore) / 10 / (now() - t0);
    closeAll(sockets);
    const p = (op, key = 'ms') => summarize(results.filter((r) => r.op === op).map((r) => r[key]));
    const s = `mixed ${opts.mixedRate}/s`;
    const row = (metric, v, extra) => ({ scenario: s, metric, ours: ms(v), unit: 'ms', ...extra });
    return [
      row('server event-loop delay p99', delay.p99, { baseline: TARGET_DELAY_MS, against: 'target' }),
      row('server event-loop delay max', delay.max),
      row('server event-loop delay p99, idle (noise floor)', idle.p99),
      row('send: last receiver p50', p('send', 'delivery').p50),
      row('send: last receiver p99', p('send', 'delivery').p99),
      row('send: ack p99', p('send').p99),
      row('markRead: ack p99', p('markRead').p99),
      row('history (REST): p99', p('history').p99),
      row('channel join/leave: ack p99', p('churn').p99),
      { scenario: s, metric: 'server CPU, share of its core', ours: Math.round(cpuPercent), unit: '%' },
    ];
  } finally {
    await server.stop();
  }
}

module.exports = { mixed };
