import { Logger } from '@nestjs/common';
import { once } from 'node:events';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { storeUnavailableNow, writeError, WriterFailure } from './sqlite-errors';
import { InsertResult, InsertRow, WriteOp, WriteOps } from './sqlite-write-ops';

export type { InsertResult, InsertRow } from './sqlite-write-ops';

/** How long a write may wait for the lock, counted from when it is sent (the old busy_timeout). */
const WRITE_WAIT_MS = 5000;

interface Pending {
  op: WriteOp;
  resolve: (result: unknown) => void;
  reject: (err: Error) => void;
}

interface Reply {
  id: number;
  result?: unknown;
  error?: WriterFailure;
}

/**
 * The one writer thread of the store (sqlite-writer.worker.js): every write is an op sent
 * there, run in order. A crashed worker fails its pending ops (STORE.UNAVAILABLE) and is
 * replaced on the next one.
 */
export class SqliteWriter {
  private readonly logger = new Logger(SqliteWriter.name);
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly waitMs = WRITE_WAIT_MS,
  ) {}

  run<K extends WriteOp>(op: K, ...args: Parameters<WriteOps[K]>): Promise<ReturnType<WriteOps[K]>> {
    if (this.closed) return Promise.reject(storeUnavailableNow());
    const worker = this.worker ?? this.spawn();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { op, resolve: resolve as (result: unknown) => void, reject });
      worker.postMessage({ id, op, args, deadline: Date.now() + this.waitMs });
    });
  }

  insert(rows: InsertRow[]): Promise<InsertResult[]> {
    return this.run('insertMessages', rows);
  }

  /** Runs the writes already sent, then closes the thread's connection and ends the thread. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = once(worker, 'exit');
    worker.postMessage({ op: 'close' });
    await exited;
  }

  private spawn(): Worker {
    const worker = new Worker(join(__dirname, 'sqlite-writer.worker.js'), { workerData: { path: this.path } });
    worker.on('message', ({ id, result, error }: Reply) => {
      const p = this.pending.get(id);
      this.pending.delete(id);
      if (!p) return;
      if (error !== undefined) p.reject(writeError(p.op, error));
      else p.resolve(result);
    });
    const fail = (err: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (this.pending.size > 0) this.logger.warn(`writer thread stopped with ${this.pending.size} writes pending: ${err.message}`);
      for (const p of this.pending.values()) p.reject(storeUnavailableNow());
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit ${code}`)));
    this.worker = worker;
    return worker;
  }
}
