// The sync row: one member catches up on 10 rooms x 100 messages with one `sync` call, on a
// server of its own: right after the sends (all still unsaved: the optimistic path, merged
// from memory) and after a restart on the same file (cold caches, everything from the store).
const { connectMany, closeAll, now, summarize } = require('./clients');
const { seed } = require('./seed');
const servers = require('./servers');

const ROOMS = 10;
const PER_ROOM = 100;
const CALLS = 30;
const ms = (v) => Math.round(v * 1000) / 1000;

async function sendAll(socket, roomIds) {
  for (const channelId of roomIds) {
    await Promise.all(Array.from({ length: PER_ROOM }, (_, i) => socket.timeout(10_000).emitWithAck('NEW_MESSAGE', { channelId, body: `missed ${i}` })));
  }
}

/** `count` sync calls one after another: their latencies, and how many messages were optimistic. */
async function syncCalls(socket, roomIds, count) {
  const payload = { rooms: roomIds.map((roomId) => ({ roomId, afterSeq: 0 })), limit: PER_ROOM };
  const latencies = [];
  let optimistic = 0;
  for (let i = 0; i < count; i++) {
    const t0 = now();
    const res = await socket.timeout(10_000).emitWithAck('sync', payload);
    latencies.push(now() - t0);
    const messages = res.rooms.flatMap((r) => r.messages ?? []);
    if (messages.length !== ROOMS * PER_ROOM) throw new Error(`sync answered ${messages.length} messages, not ${ROOMS * PER_ROOM}: ${JSON.stringify(res).slice(0, 300)}`);
    optimistic += messages.filter((m) => m.isOptimistic).length;
  }
  return { ...summarize(latencies), first: latencies[0], optimisticShare: optimistic / (count * ROOMS * PER_ROOM) };
}

async function sync(_running, _seedData, opts) {
  const data = seed(2, Array.from({ length: ROOMS }, () => ({ kind: 'channel', members: 2 })));
  // A long flush keeps the 1000 messages unsaved while the optimistic path is measured.
  let server = await servers.startOurs({ ...opts.env, ...data.env, PERSIST_FLUSH_MS: '10000', PERSIST_BATCH_SIZE: '10000' });
  try {
    const [sender, reader] = await connectMany(server.url, data.tokens);
    await sendAll(sender, data.roomIds);
    const optimistic = await syncCalls(reader, data.roomIds, CALLS);
    closeAll([sender, reader]);
    await server.stop();
    server = await servers.startOurs({ ...opts.env, ...data.env });
    const [cold] = await connectMany(server.url, data.tokens.slice(1));
    const stored = await syncCalls(cold, data.roomIds, CALLS);
    closeAll([cold]);
    const s = `sync ${ROOMS} rooms x ${PER_ROOM}`;
    const row = (metric, v) => ({ scenario: s, metric, ours: ms(v), unit: 'ms' });
    return [
      row(`optimistic path p50 (${Math.round(optimistic.optimisticShare * 100)}% unsaved)`, optimistic.p50),
      row('optimistic path p99', optimistic.p99),
      row('after restart: first call (cold caches)', stored.first),
      row('after restart: p50', stored.p50),
      row('after restart: p99', stored.p99),
    ];
  } finally {
    await server.stop();
  }
}

module.exports = { sync };
