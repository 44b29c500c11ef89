// Spawns the servers under test, each pinned to its own core when taskset exists.
const { spawn, execFileSync } = require('node:child_process');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const SERVER_CPU = '1';

function hasTaskset() {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const pin = hasTaskset();

function start(name, script, env) {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server to that directory.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const nodeArgs = ['--expose-gc', ...profile, '--require', join(__dirname, 'probe.js'), script];
  const [cmd, args] = pin ? ['taskset', ['-c', SERVER_CPU, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, PORT: '0', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${out}`)), 30_000);
    child.stdout.on('data', () => {
      const match = /listening on port (\d+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        name,
        url: `http://127.0.0.1:${match[1]}`,
        memory: () => new Promise((res) => { child.once('message', res); child.send('memory'); }),
        cpu: () => new Promise((res) => { child.once('message', (u) => res(u.user + u.system)); child.send('cpu'); }),
        // A profiled server exits through process.exit so V8 writes the profile.
        stop: () => new Promise((res) => {
          child.once('exit', res);
          if (profile.length) child.send('exit');
          else child.kill('SIGTERM');
        }),
      });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${out}`)));
  });
}

module.exports = {
  pinned: pin,
  SERVER_CPU,
  /** Pins this (load generator) process away from the servers' core. */
  pinSelf() {
    if (pin) execFileSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
  },
  startOurs: (env, main = join(ROOT, 'dist', 'main.js')) => start(`ours (${env.DELIVERY_MODE ?? 'optimistic'})`, main, env),
  startBaseline: () => start('baseline', join(__dirname, 'baseline-server.js'), {}),
};
