import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export type InsertRow = [id: string, roomId: string, seq: number, senderId: string, body: string, tempId: string, createdAt: number];
export type InsertResult = ['saved', id: string, seq: number, createdAt: number] | ['rejected', reason: string, retryable: boolean];

interface Ops {
  insert: [InsertRow[], InsertResult[]];
  reserve: [{ roomId: string; size: number }, number];
  release: [{ roomId: string; last: number }[], void];
}

interface Pending {
  resolve: (result: unknown) => void;
  reject: (err: Error) => void;
}

/** Talks to the writer thread (message writes); a crashed worker fails its batches (the queue retries) and is replaced on the next one. */
export class SqliteWriter {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;

  constructor(private readonly path: string) {}

  run<K extends keyof Ops>(op: K, args: Ops[K][0]): Promise<Ops[K][1]> {
    if (this.closed) return Promise.reject(new Error('SQLite store is closed'));
    const worker = this.worker ?? this.spawn();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage({ id, op, args });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(join(__dirname, 'sqlite-insert.worker.js'), { workerData: { path: this.path } });
    worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const p = this.pending.get(id);
      this.pending.delete(id);
      if (error !== undefined) p?.reject(new Error(error));
      else p?.resolve(result);
    });
    const fail = (err: Error) => {
      this.worker = undefined;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`SQLite writer stopped (exit ${code})`)));
    this.worker = worker;
    return worker;
  }
}
