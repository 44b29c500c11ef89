// npm run bench [-- --scenarios=dm,fanout,durable,mixed,sync,typing,flood,memory,cluster --sizes=10,100,1000 --connections=1000,5000 --seconds=3 --rate=20 --count=1000
//   --mixedRate=200 --mixedSeconds=10 --typingSize=100 --flushMs=N --clusterNodes=2 --clusterSize=100 --clusterCount=200 --clusterSeconds=2 --clusterConnections=500]
// Ours (dist/) vs a plain Socket.IO server, side by side in one run, loopback only.
const { mkdirSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const scenarios = { ...require('./scenarios'), ...require('./mixed'), ...require('./sync'), ...require('./typing'), ...require('./flood'), ...require('./cluster') };
const { seed } = require('./seed');
const servers = require('./servers');

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const list = (v, d) => (v ? v.split(',') : d);
const opts = {
  scenarios: list(args.scenarios, ['dm', 'fanout', 'durable', 'mixed', 'sync', 'typing', 'flood', 'memory', 'cluster']),
  sizes: list(args.sizes, ['10', '100', '1000']).map(Number),
  connections: list(args.connections, ['1000', '5000']).map(Number),
  seconds: Number(args.seconds ?? 3),
  rate: Number(args.rate ?? 20),
  warmup: 200,
  dmCount: Number(args.count ?? 1000),
  fanoutCount: 300,
  mixedRate: Number(args.mixedRate ?? 200),
  mixedSeconds: Number(args.mixedSeconds ?? 10),
  typingSize: Number(args.typingSize ?? 100),
  clusterNodes: Number(args.clusterNodes ?? 2),
  clusterSize: Number(args.clusterSize ?? 100),
  clusterCount: Number(args.clusterCount ?? 200),
  clusterSeconds: Number(args.clusterSeconds ?? 2),
  clusterConnections: Number(args.clusterConnections ?? 500),
};

function table(rows) {
  const lines = [['scenario', 'metric', 'ours', 'baseline', 'ratio'].join(' | '), '--- | --- | ---: | ---: | ---:'];
  for (const r of rows) {
    if (r.baseline === undefined) {
      lines.push([r.scenario, r.metric, `${r.ours} ${r.unit}`, '-', '-'].join(' | '));
      continue;
    }
    const base = r.against ? `${r.baseline} (${r.against})` : r.baseline;
    lines.push([r.scenario, r.metric, `${r.ours} ${r.unit}`, `${base} ${r.unit}`, `${(r.ours / r.baseline).toFixed(2)}x`].join(' | '));
  }
  return lines.join('\n');
}

async function main() {
  servers.pinSelf();
  const started = Date.now();
  const roomSpecs = [{ kind: 'direct', members: 2 }, ...opts.sizes.map((n) => ({ kind: 'channel', members: n }))];
  const roomUsers = Math.max(2, ...opts.sizes);
  const data = seed(roomUsers + Math.max(0, ...opts.connections), roomSpecs);
  data.idleTokens = data.tokens.slice(roomUsers);
  const durableData = seed(2, [{ kind: 'direct', members: 2 }]);
  const env = { RATE_LIMIT_PER_SEC: '100000', RATE_LIMIT_BURST: '100000', EVENT_BUDGET_PER_SEC: '100000', EVENT_BUDGET_BURST: '100000', TYPING_SIGNALS_PER_10S: '1000000', PERSIST_BUFFER_LIMIT: '100000', ...(args.flushMs && { PERSIST_FLUSH_MS: args.flushMs }) };
  const running = {
    ours: await servers.startOurs({ ...env, ...data.env }),
    baseline: await servers.startBaseline(),
    durable: await servers.startOurs({ ...env, ...durableData.env, DELIVERY_MODE: 'durable' }),
  };
  const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, pinned: servers.pinned };
  console.log(`machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, servers pinned to their own core: ${machine.pinned}`);
  const rows = [];
  try {
    for (const name of opts.scenarios) {
      const t0 = Date.now();
      rows.push(...(await scenarios[name](running, name === 'durable' ? durableData : data, { ...opts, env })));
      console.log(`${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await Promise.all(Object.values(running).map((s) => s.stop()));
  }
  console.log(`\n${table(rows)}\n\nratio = ours / baseline (lower is better, except deliveries/s); total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ machine, opts, rows }, null, 2));
  console.log(`results: ${file}`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
