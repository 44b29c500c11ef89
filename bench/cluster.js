// The cluster rows: two nodes plus Redis against one node, same run. Cross-node: the sender
// on node A, every receiver on node B (same-node, all on A, for reference); the Redis
// counters read around each run give its cost per message (commands, bytes, CPU).
const { sequential, saturated } = require('./measure');
const { startSetups, openRoom, idleMemory } = require('./cluster-setup');
const { redisMissing, redisCost } = require('./redis-server');

const WARMUP = 30;
const TARGET_RATIO = 2;
const ms = (v) => Math.round(v * 1000) / 1000;
const sum = async (nodes, f) => (await Promise.all(nodes.map(f))).reduce((a, b) => a + b, 0);

/**
 * One message at a time, or (with `nodes`) saturated for `clusterSeconds`, with the nodes' CPU
 * per delivery summed and each node's CPU per message; Redis' cost meanwhile.
 */
async function run(kind, data, [senderUrl, receiverUrl], opts, { redis, nodes } = {}) {
  const r = await openRoom(kind, data, senderUrl, receiverUrl, opts.clusterSize);
  try {
    await sequential(r.room, WARMUP);
    const [before, deliveries, cpu] = [redis && (await redis.info()), r.room.deliveries, await Promise.all((nodes ?? []).map((n) => n.cpu()))];
    const result = nodes ? await saturated(r.room, { cpu: () => sum(nodes, (n) => n.cpu()) }, opts.clusterSeconds) : await sequential(r.room, opts.clusterCount);
    const messages = (r.room.deliveries - deliveries) / r.room.receivers.count;
    const cpuPerMessage = await Promise.all((nodes ?? []).map(async (n, i) => ((await n.cpu()) - cpu[i]) / messages));
    return { ...result, cpuPerMessage, cost: redis && redisCost(before, await redis.info(), messages) };
  } finally {
    await r.close();
  }
}

function logCost(what, cost) {
  const commands = Object.entries(cost.commands).map(([c, n]) => `${c} ${n.calls.toFixed(2)} (${n.usec.toFixed(1)} µs)`).join(', ');
  console.log(`  Redis per message, ${what}: ${commands}; ${Math.round(cost.bytesInPerMessage)} B in, ${Math.round(cost.bytesOutPerMessage)} B out; process CPU ${cost.cpuMsPer1k.toFixed(1)} ms per 1k messages`);
}

async function kindRows(kind, s, opts) {
  const name = kind === 'direct' ? 'DM' : `channel ${opts.clusterSize}`;
  const [one, ab, aa] = [[s.single.url, s.single.url], [s.a.url, s.b.url], [s.a.url, s.a.url]];
  const single = await run(kind, s.singleData, one, opts);
  const same = await run(kind, s.clusterData, aa, opts, { redis: s.redis });
  const cross = await run(kind, s.clusterData, ab, opts, { redis: s.redis });
  const singleSat = await run(kind, s.singleData, one, opts, { nodes: [s.single] });
  const crossSat = await run(kind, s.clusterData, ab, opts, { redis: s.redis, nodes: [s.a, s.b] });
  // Every node reads every broadcast from the one stream: B's cost for a room it has no member of.
  const bystander = await run(kind, s.clusterData, aa, opts, { redis: s.redis, nodes: [s.b] });
  logCost(`${name}, one at a time`, cross.cost);
  logCost(`${name}, saturated`, crossSat.cost);
  const ratio = cross.last.p50 / single.last.p50;
  console.log(`  ${name}: cross-node last receiver p50 ${ratio.toFixed(2)}x one node (target <= ${TARGET_RATIO}x): ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}`);
  const scenario = `cluster ${opts.clusterNodes} nodes + Redis, ${name}`;
  const row = (metric, o, b, unit = 'ms', extra = {}) => ({ scenario, metric, ours: ms(o), baseline: ms(b), unit, against: '1 node', ...extra });
  const only = (metric, o, unit) => ({ scenario, metric, ours: ms(o), unit });
  return [
    row('cross-node sender ack p50 (idle)', cross.ack.p50, single.ack.p50),
    ...['p50', 'p99'].map((p) => row(`cross-node last receiver ${p} (idle)`, cross.last[p], single.last[p])),
    ...['p50', 'p99'].map((p) => row(`same-node last receiver ${p} (idle)`, same.last[p], single.last[p])),
    row('cross-node saturated deliveries/s', Math.round(crossSat.deliveriesPerSec), Math.round(singleSat.deliveriesPerSec), '/s', { higherIsBetter: true }),
    row('server CPU per delivery, both nodes (saturated)', crossSat.cpuPerDelivery, singleSat.cpuPerDelivery, 'µs'),
    row('CPU per message: sender\'s node A (saturated)', crossSat.cpuPerMessage[0], singleSat.cpuPerMessage[0], 'µs'),
    only('CPU per message: receivers\' node B (saturated)', crossSat.cpuPerMessage[1], 'µs'),
    only('CPU per message: a node with no member (saturated, same-node send)', bystander.cpuPerMessage[0], 'µs'),
    // The whole cost (by command, bytes, CPU) goes to the results file for docs/scaling.md.
    { ...only('Redis commands per message (idle / saturated)', cross.cost.commandsPerMessage, `cmd / ${crossSat.cost.commandsPerMessage.toFixed(2)} cmd`), redis: { idle: cross.cost, saturated: crossSat.cost } },
    only('Redis bytes in + out per message (idle)', Math.round(cross.cost.bytesInPerMessage + cross.cost.bytesOutPerMessage), 'B'),
    only('Redis process CPU per 1k messages (saturated)', crossSat.cost.cpuMsPer1k, 'ms'),
  ];
}

async function cluster(_running, _seedData, opts) {
  const missing = redisMissing();
  if (missing) {
    console.log(`cluster rows skipped: ${missing}`);
    return [];
  }
  const s = await startSetups(opts);
  const rows = [];
  try {
    rows.push(...(await kindRows('direct', s, opts)), ...(await kindRows('channel', s, opts)));
    const idle = (data) => data.tokens.slice(opts.clusterSize);
    const [memSingle, memNode] = [await idleMemory(s.single, idle(s.singleData)), await idleMemory(s.b, idle(s.clusterData), s.redis)];
    const scenario = `cluster ${opts.clusterNodes} nodes + Redis, memory @${opts.clusterConnections}`;
    rows.push(
      { scenario, metric: 'heap per idle connection (node B)', ours: memNode.heap, baseline: memSingle.heap, unit: 'B', against: '1 node' },
      { scenario, metric: 'Redis memory per idle connection', ours: memNode.redis, unit: 'B' },
    );
  } catch (err) {
    // Reported, not thrown: a refused send (say SERVER.BUSY, a Redis command timing out on the
    // crowded core) would otherwise throw away every other row of the run.
    console.log(`cluster rows stopped early: ${err.message}`);
  } finally {
    await s.stop();
  }
  return rows;
}

module.exports = { cluster };
