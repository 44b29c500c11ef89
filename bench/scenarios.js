// The benchmark's scenarios; each returns rows { scenario, metric, ours, baseline, unit }.
const { connectMany, joinAll, closeAll } = require('./clients');
const { KINDS, Room, sequential, atRate, saturated } = require('./measure');
const { LocalReceivers, RemoteReceivers } = require('./receivers');

/** Connects a room's members to a server; the baseline's sockets join explicitly. */
async function members(server, seedData, tokens, roomId) {
  const isOurs = server.name.startsWith('ours');
  const sockets = await connectMany(server.url, isOurs ? tokens : tokens.map(() => undefined));
  if (!isOurs) await joinAll(sockets, roomId);
  return sockets;
}

const ms = (v) => Math.round(v * 1000) / 1000;

async function dm(servers, seedData, opts) {
  const results = {};
  for (const server of [servers.ours, servers.baseline]) {
    const sockets = await members(server, seedData, seedData.tokens.slice(0, 2), seedData.roomIds[0]);
    const room = new Room('direct', seedData.roomIds[0], sockets[0], new LocalReceivers([sockets[1]], KINDS.direct.received));
    await sequential(room, opts.warmup);
    results[server.name] = await sequential(room, opts.dmCount);
    await room.close();
    closeAll(sockets);
  }
  const [o, b] = [results[servers.ours.name], results[servers.baseline.name]];
  return ['p50', 'p95', 'p99'].flatMap((p) => [
    { scenario: 'DM', metric: `sender ack ${p}`, ours: ms(o.ack[p]), baseline: ms(b.ack[p]), unit: 'ms' },
    { scenario: 'DM', metric: `receiver delivery ${p}`, ours: ms(o.last[p]), baseline: ms(b.last[p]), unit: 'ms' },
  ]);
}

async function fanout(servers, seedData, opts) {
  const rows = [];
  for (const [k, size] of opts.sizes.entries()) {
    const roomId = seedData.roomIds[k + 1];
    const results = {};
    for (const server of [servers.ours, servers.baseline]) {
      const tokens = seedData.tokens.slice(0, size);
      const isOurs = server.name.startsWith('ours');
      const sockets = await members(server, seedData, tokens.slice(0, 1), roomId);
      const receivers = await RemoteReceivers.start({ url: server.url, tokens: tokens.slice(1), roomId, event: KINDS.channel.received, join: !isOurs });
      const room = new Room('channel', roomId, sockets[0], receivers);
      await sequential(room, opts.warmup / 4);
      const idle = await sequential(room, size >= 1000 ? opts.fanoutCount / 3 : opts.fanoutCount);
      const rated = await atRate(room, opts.rate, opts.seconds);
      const sat = await saturated(room, server, opts.seconds);
      results[server.name] = { idle, rated, sat };
      await room.close();
      closeAll(sockets);
    }
    const [o, b] = [results[servers.ours.name], results[servers.baseline.name]];
    const s = `fan-out ${size}`;
    rows.push(
      { scenario: s, metric: 'sender ack p50 (idle)', ours: ms(o.idle.ack.p50), baseline: ms(b.idle.ack.p50), unit: 'ms' },
      { scenario: s, metric: 'sender ack p99 (idle)', ours: ms(o.idle.ack.p99), baseline: ms(b.idle.ack.p99), unit: 'ms' },
      { scenario: s, metric: 'last receiver p50 (idle)', ours: ms(o.idle.last.p50), baseline: ms(b.idle.last.p50), unit: 'ms' },
      { scenario: s, metric: 'last receiver p99 (idle)', ours: ms(o.idle.last.p99), baseline: ms(b.idle.last.p99), unit: 'ms' },
      { scenario: s, metric: `sender ack p99 (${opts.rate}/s)`, ours: ms(o.rated.ack.p99), baseline: ms(b.rated.ack.p99), unit: 'ms' },
      { scenario: s, metric: `last receiver p50 (${opts.rate}/s)`, ours: ms(o.rated.last.p50), baseline: ms(b.rated.last.p50), unit: 'ms' },
      { scenario: s, metric: `last receiver p99 (${opts.rate}/s)`, ours: ms(o.rated.last.p99), baseline: ms(b.rated.last.p99), unit: 'ms' },
      { scenario: s, metric: 'saturated deliveries/s', ours: Math.round(o.sat.deliveriesPerSec), baseline: Math.round(b.sat.deliveriesPerSec), unit: '/s', higherIsBetter: true },
      { scenario: s, metric: 'server CPU per delivery (saturated)', ours: ms(o.sat.cpuPerDelivery), baseline: ms(b.sat.cpuPerDelivery), unit: 'µs' },
    );
  }
  return rows;
}

/** The seed's before/after: optimistic delivery and confirmation vs DELIVERY_MODE=durable. */
async function durable(servers, seedData, opts) {
  const results = {};
  for (const server of [servers.ours, servers.durable]) {
    const sockets = await members(server, seedData, seedData.tokens.slice(0, 2), seedData.roomIds[0]);
    const room = new Room('direct', seedData.roomIds[0], sockets[0], new LocalReceivers([sockets[1]], KINDS.direct.received));
    await sequential(room, opts.warmup / 4, true);
    results[server.name] = await sequential(room, opts.dmCount / 2, true);
    await room.close();
    closeAll(sockets);
  }
  const [o, d] = [results[servers.ours.name], results[servers.durable.name]];
  return ['p50', 'p99'].flatMap((p) => [
    { scenario: 'optimistic vs durable', metric: `receiver delivery ${p}`, ours: ms(o.last[p]), baseline: ms(d.last[p]), unit: 'ms', against: 'durable' },
    { scenario: 'optimistic vs durable', metric: `confirmation ${p}`, ours: ms(o.confirmed[p]), baseline: ms(d.confirmed[p]), unit: 'ms', against: 'durable' },
  ]);
}

async function memory(servers, seedData, opts) {
  const rows = [];
  for (const count of opts.connections) {
    const perConnection = {};
    for (const server of [servers.ours, servers.baseline]) {
      const before = await server.memory();
      const tokens = seedData.idleTokens.slice(0, count);
      const sockets = await connectMany(server.url, server.name.startsWith('ours') ? tokens : tokens.map(() => undefined));
      const after = await server.memory();
      perConnection[server.name] = { heap: (after.heapUsed - before.heapUsed) / count, rss: (after.rss - before.rss) / count };
      closeAll(sockets);
    }
    const [o, b] = [perConnection[servers.ours.name], perConnection[servers.baseline.name]];
    rows.push(
      { scenario: `memory @${count}`, metric: 'heap per idle connection', ours: Math.round(o.heap), baseline: Math.round(b.heap), unit: 'B' },
      { scenario: `memory @${count}`, metric: 'RSS per idle connection', ours: Math.round(o.rss), baseline: Math.round(b.rss), unit: 'B' },
    );
  }
  return rows;
}

module.exports = { dm, fanout, durable, memory };
