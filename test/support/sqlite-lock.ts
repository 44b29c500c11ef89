import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as pause } from 'node:timers/promises';
import { HttpResult } from './http';

export interface HeldLock {
  child: ChildProcess;
  /** Wall-clock time (Date.now()) when the other process held the lock. */
  lockedAt: number;
  /** Wall-clock time just before its COMMIT: no write of ours can succeed earlier. */
  releasing: Promise<number>;
}

/** Another node process holding the database's write lock for `holdMs`; resolves once it holds it. */
export function holdWriteLock(sqlitePath: string, holdMs: number, timeoutMs = 10_000): Promise<HeldLock> {
  const child = spawn(process.execPath, [join(__dirname, 'sqlite-lock-holder.js'), sqlitePath, String(holdMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const waiting = new Map<string, { resolve: (at: number) => void; reject: (err: Error) => void }>();
  const when = (event: string) => new Promise<number>((resolve, reject) => waiting.set(event, { resolve, reject }));
  const locked = when('locked');
  const releasing = when('releasing');
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const { event, at } = JSON.parse(line) as { event: string; at: number };
    waiting.get(event)?.resolve(at);
    waiting.delete(event);
  });
  child.once('exit', (code) => {
    for (const [event, w] of waiting) w.reject(new Error(`the lock holder exited (${code}) before "${event}"`));
  });
  const timer = setTimeout(() => waiting.get('locked')?.reject(new Error(`no lock within ${timeoutMs} ms`)), timeoutMs);
  releasing.catch(() => undefined);
  return locked.finally(() => clearTimeout(timer)).then(
    (lockedAt) => ({ child, lockedAt, releasing }),
    (err: Error) => {
      child.kill();
      throw err;
    },
  );
}

export interface TimedAnswer extends HttpResult {
  name: string;
  ms: number;
  /** Wall-clock time of the answer, to compare with the lock's `releasing`. */
  answeredAt: number;
}

/** A REST call issued `afterMs` after the lock was taken, timed. */
export async function during(lock: HeldLock, afterMs: number, name: string, call: () => Promise<HttpResult>): Promise<TimedAnswer> {
  await pause(Math.max(0, lock.lockedAt + afterMs - Date.now()));
  const started = Date.now();
  const res = await call();
  return { ...res, name, ms: Date.now() - started, answeredAt: Date.now() };
}
