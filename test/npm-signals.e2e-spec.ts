import { tempDbPath } from './support/harness';
import { alive, run } from './support/process-run';
import { until } from './support/sockets';

const STOP_TIMEOUT_MS = 20_000;

/**
 * Process managers and container runtimes signal the process they started: here `npm`. npm
 * passes SIGTERM to its child, which must be the server itself (a `sh -c` in between would die
 * and leave the server running, orphaned).
 */
describe('SIGTERM sent to `npm run start:prod` (e2e, built server)', () => {
  it('stops the node server cleanly and leaves no process behind', async () => {
    const npm = run('npm', ['run', 'start:prod'], { env: { PORT: '0', SQLITE_PATH: tempDbPath() } });
    let pid = 0;
    try {
      // Nest's log prefix carries the id of the process that writes it: the server's.
      const [, serverPid, port] = (await npm.waitFor(/\[Nest\] (\d+) .*listening on port (\d+)/)).map(Number);
      pid = serverPid;
      const url = `http://127.0.0.1:${port}/auth/me`;
      expect((await fetch(url)).status).toBe(401);

      npm.child.kill('SIGTERM');
      await until(() => npm.child.exitCode !== null || npm.child.signalCode !== null, STOP_TIMEOUT_MS);
      await until(() => !alive(pid), STOP_TIMEOUT_MS);
      expect(npm.output()).toContain('every accepted message is saved and confirmed');
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      for (const leftover of [npm.child.pid!, pid]) if (leftover && alive(leftover)) process.kill(leftover, 'SIGKILL');
    }
  }, 60_000);
});
