import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempDbPath } from './support/harness';
import { MAIN, run } from './support/process-run';

const STACK_LINE = /^\s+at /m;

/** Runs the built server until it exits (it is expected to refuse to start). */
async function refusedStart(env: Record<string, string>, cwd?: string): Promise<{ code: number | null; lines: string[]; output: string }> {
  const server = run(process.execPath, [MAIN], { env: { SQLITE_PATH: tempDbPath(), ...env }, cwd });
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 20_000);
  const { code } = await server.exited;
  clearTimeout(timer);
  const output = server.output();
  return { code, output, lines: output.split('\n').filter((line) => line && !line.includes('WARN')) };
}

describe('Start-up failures (e2e, built server process)', () => {
  it('names each bad variable, what it expects and what was given, never a secret, and exits 1', async () => {
    const sut = await refusedStart({ PORT: 'abc', JWT_SECRET: 'hunter2', JWT_EXPIRES_IN: 'abc' });
    expect(sut.code).toBe(1);
    expect(sut.lines.sort()).toEqual([
      'Invalid environment variable JWT_EXPIRES_IN: expected a token lifetime of at least 1 second: a number of seconds or a duration such as 15m, 1h, 7d, got "abc"',
      'Invalid environment variable JWT_SECRET: expected a secret of at least 16 characters (required when NODE_ENV=production or REDIS_URL is set), got 7 characters (value not shown)',
      'Invalid environment variable PORT: expected an integer from 0 to 65535, got "abc"',
    ]);
    expect(sut.output).not.toContain('hunter2');
  });

  it('reads .env from the working directory, and the real environment wins over it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chat-dotenv-'));
    writeFileSync(join(dir, '.env'), 'PORT=abc\nDELIVERY_MODE=sometimes\n');
    const sut = await refusedStart({ PORT: '0' }, dir);
    expect(sut.code).toBe(1);
    expect(sut.lines).toEqual(['Invalid environment variable DELIVERY_MODE: expected one of optimistic, durable, got "sometimes"']);
  });

  describe('with its port taken', () => {
    let blocker: Server;
    let port: number;
    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, resolve));
      port = (blocker.address() as { port: number }).port;
    });
    afterAll(() => new Promise((resolve) => blocker.close(resolve)));

    it('says so in one line, without a stack trace, and exits 1', async () => {
      const sut = await refusedStart({ PORT: String(port) });
      expect(sut.code).toBe(1);
      expect(sut.lines).toEqual([`port ${port} is already in use: set PORT to a free port`]);
      expect(sut.output).not.toMatch(STACK_LINE);
    });
  });
});
