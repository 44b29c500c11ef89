import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { TEST_SECRET } from './harness';

export const ROOT = join(__dirname, '..', '..');
export const MAIN = join(ROOT, 'dist', 'main.js');

export interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the first match of `pattern` in the output; rejects on exit or after the timeout. */
  waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpExecArray>;
}

/** A command with the test secret and colourless logs, its stdout and stderr collected together. */
export function run(command: string, args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Run {
  const child = spawn(command, args, {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, JWT_SECRET: TEST_SECRET, NO_COLOR: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const collect = (d: Buffer) => {
    out += d;
    listeners.forEach((check) => check());
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (pattern: RegExp, timeoutMs = 30_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${out}`)), timeoutMs);
      const check = () => {
        const match = pattern.exec(out);
        if (!match) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve(match);
      };
      listeners.add(check);
      check();
      void exited.then(() => reject(new Error(`exited before ${pattern}:\n${out}`)));
    });
  return { child, output: () => out, exited, waitFor };
}

/** Whether a process with this id still exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
