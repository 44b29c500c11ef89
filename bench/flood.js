// The abuse row: a canary DM between two users while a third account floods mixed events,
// on a server of its own with the default event budget ON (only the message limit is lifted,
// so the canary's own sends pass). Quiet first (the reference), then under the flood.
const { fork } = require('node:child_process');
const { join } = require('node:path');
const { connectMany, closeAll, now, summarize } = require('./clients');
const { eventLoopDelay } = require('./loop-delay');
const { seed } = require('./seed');
const servers = require('./servers');

const CANARIES = 150;
const CANARY_RATE = 25; // per second: under the canary's own budget of 30/s
const FLOOD_RATE = 2000; // events per second, from 4 sockets of one account
const FLOOD_SOCKETS = 4;
const ms = (v) => Math.round(v * 1000) / 1000;

/** Sends `count` canaries at `rate`/s, open loop; resolves with each send -> receive latency in ms. */
async function canaries(sender, receiver, roomId, count, rate, tag) {
  const sentAt = new Map();
  const latencies = [];
  let done;
  const all = new Promise((resolve) => (done = resolve));
  const onMessage = (m) => {
    if (!sentAt.has(m.tempId)) return;
    latencies.push(now() - sentAt.get(m.tempId));
    if (latencies.length === count) done();
  };
  receiver.on('roomMessageRecieved', onMessage);
  const start = now();
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / rate - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sentAt.set(`${tag}${i}`, now());
    sender.emit('roomMessage', { roomId, body: `canary ${i}`, tempId: `${tag}${i}` });
  }
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`only ${latencies.length} of ${count} canaries arrived`)), 15_000)));
  await Promise.race([all, late]).finally(() => clearTimeout(timer));
  receiver.off('roomMessageRecieved', onMessage);
  return summarize(latencies);
}

function flooder(url, tokens) {
  const child = fork(join(__dirname, 'flood-process.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (msg) => new Promise((resolve, reject) => {
    child.once('message', (m) => (m.error ? reject(new Error(`flooder: ${m.error}`)) : resolve(m)));
    child.send(msg);
  });
  return { ready: ask({ connect: { url, tokens } }), flood: (f) => ask({ flood: f }), close: () => child.send('close') };
}

async function flood() {
  const data = seed(4, [{ kind: 'direct', members: 2, from: 0 }, { kind: 'direct', members: 2, from: 2 }]);
  const [canaryRoom, floodRoom] = data.roomIds;
  const server = await servers.startOurs({ ...data.env, RATE_LIMIT_PER_SEC: '1000', RATE_LIMIT_BURST: '1000' });
  const mallory = flooder(server.url, Array(FLOOD_SOCKETS).fill(data.tokens[2]));
  const sockets = await connectMany(server.url, data.tokens.slice(0, 2));
  try {
    await mallory.ready;
    const [sender, receiver] = sockets;
    await canaries(sender, receiver, canaryRoom, 20, CANARY_RATE, 'w'); // warm
    await eventLoopDelay(server.url);
    const quiet = await canaries(sender, receiver, canaryRoom, CANARIES, CANARY_RATE, 'q');
    const quietDelay = await eventLoopDelay(server.url);
    const seconds = Math.ceil(CANARIES / CANARY_RATE) + 1;
    const flooding = mallory.flood({ roomId: floodRoom, rate: FLOOD_RATE, seconds });
    const underFlood = await canaries(sender, receiver, canaryRoom, CANARIES, CANARY_RATE, 'f');
    const floodDelay = await eventLoopDelay(server.url);
    const { done: f } = await flooding;
    const s = `canary DM, one account flooding ${FLOOD_RATE} mixed events/s (budget on)`;
    const row = (metric, p) => ({ scenario: s, metric, ours: ms(underFlood[p]), baseline: ms(quiet[p]), against: 'no flood', unit: 'ms' });
    return [
      row('canary delivery p50', 'p50'),
      row('canary delivery p99', 'p99'),
      { scenario: s, metric: 'server event-loop delay p99', ours: ms(floodDelay.p99), baseline: ms(quietDelay.p99), against: 'no flood', unit: 'ms' },
      { scenario: s, metric: 'server event-loop delay max', ours: ms(floodDelay.max), baseline: ms(quietDelay.max), against: 'no flood', unit: 'ms' },
      { scenario: s, metric: 'flood events refused with RATE.LIMITED', ours: f.limited, unit: `of ${f.sent}` },
      { scenario: s, metric: 'flood events past the budget (ran, or refused by validation/authorization)', ours: f.ok + f.refused, unit: 'events' },
      { scenario: s, metric: 'flood events unanswered after 10 s', ours: f.unanswered, unit: 'events' },
    ];
  } finally {
    closeAll(sockets);
    mallory.close();
    await server.stop();
  }
}

module.exports = { flood };
