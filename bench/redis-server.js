// The cluster rows' redis-server: started on a free loopback port without persistence (as
// cluster mode runs it), pinned to the servers' core, and read through INFO for its cost.
const { spawn, execFileSync } = require('node:child_process');
const { createServer } = require('node:net');
const Redis = require('ioredis');
const servers = require('./servers');

/** Why the cluster rows cannot run here, or undefined when `redis-server` is installed. */
function redisMissing() {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'redis-server is not installed (Debian: apt-get install redis-server)';
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

/** Parses INFO: numbers by field, and per command its calls and CPU (cmdstat_xadd:calls=N,usec=M,...). */
function parseInfo(text) {
  const fields = {};
  const calls = {};
  for (const line of text.split('\r\n')) {
    const [key, value] = line.split(':');
    if (value === undefined) continue;
    const cmd = /^cmdstat_(.+)$/.exec(key);
    if (cmd) calls[cmd[1]] = { calls: Number(/calls=(\d+)/.exec(value)[1]), usec: Number(/usec=(\d+)/.exec(value)[1]) };
    else fields[key] = Number(value);
  }
  return { fields, calls };
}

async function startRedis() {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const [cmd, cmdArgs] = servers.pinned ? ['taskset', ['-c', servers.SERVER_CPU, 'redis-server', ...args]] : ['redis-server', args];
  const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${out}`)), 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Ready to accept connections')) resolve(clearTimeout(timer));
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${out}`)));
  });
  const client = new Redis(port, '127.0.0.1');
  return {
    url: `redis://127.0.0.1:${port}`,
    /** A snapshot of Redis' counters; `replyBytes` is this INFO's own reply, counted in the next snapshot's output bytes. */
    async info() {
      const text = await client.info('everything');
      return { ...parseInfo(text), replyBytes: Buffer.byteLength(text) };
    },
    async stop() {
      client.disconnect();
      if (child.exitCode !== null) return;
      await new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      });
    },
  };
}

/**
 * What Redis did between two snapshots, per message: calls and in-command µs by command, bytes
 * in and out, and its whole process CPU (commands plus network I/O) per 1k messages.
 */
function redisCost(before, after, messages) {
  const per = (v) => v / messages;
  const commands = {};
  for (const [name, { calls, usec }] of Object.entries(after.calls)) {
    const delta = calls - (before.calls[name]?.calls ?? 0);
    if (delta > 0 && name !== 'info') commands[name] = { calls: per(delta), usec: per(usec - (before.calls[name]?.usec ?? 0)) };
  }
  const field = (k) => after.fields[k] - before.fields[k];
  return {
    commands,
    commandsPerMessage: Object.values(commands).reduce((a, c) => a + c.calls, 0),
    bytesInPerMessage: per(field('total_net_input_bytes')),
    bytesOutPerMessage: per(field('total_net_output_bytes') - before.replyBytes),
    cpuMsPer1k: per((field('used_cpu_user') + field('used_cpu_sys')) * 1000 * 1000),
  };
}

module.exports = { redisMissing, startRedis, redisCost };
