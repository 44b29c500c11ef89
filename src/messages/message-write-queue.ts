import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import { NewMessage, SavedMessage } from '../persistence/models';
import { MessageRepository } from '../persistence/ports';

interface Job {
  message: NewMessage;
  resolve: (saved: SavedMessage) => void;
  reject: (err: AppError) => void;
}

/**
 * Bounded write-behind buffer with group commit: one insertMany per batch, flushed at
 * PERSIST_BATCH_SIZE messages or PERSIST_FLUSH_MS. Batches are written one at a time, in
 * order; a failing batch is retried with backoff, then every message in it is rejected.
 */
@Injectable()
export class MessageWriteQueue {
  private readonly logger = new Logger(MessageWriteQueue.name);
  private queue: Job[] = [];
  private inFlight = 0;
  private timer?: NodeJS.Timeout;
  private flushing?: Promise<void>;

  constructor(
    private readonly messages: MessageRepository,
    private readonly config: AppConfig,
    private readonly metrics: MetricsService,
  ) {
    metrics.gauge('chat_persist_pending', 'Messages accepted but not yet saved', () => this.pending);
  }

  /** Accepted but not yet saved (queued plus in flight). */
  get pending(): number {
    return this.queue.length + this.inFlight;
  }

  isFull(): boolean {
    return this.pending >= this.config.persistBufferLimit;
  }

  save(message: NewMessage): Promise<SavedMessage> {
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      if (this.queue.length >= this.config.persistBatchSize) this.kick();
      else this.timer ??= setTimeout(() => this.kick(), this.config.persistFlushMs);
    });
  }

  /** Saves everything queued (shutdown, after the pipeline stopped accepting). */
  async drain(): Promise<void> {
    // Listeners run on setImmediate: let those already raised enqueue first.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0 || this.flushing) {
      this.kick();
      await this.flushing;
    }
  }

  private kick(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = this.writeAll().finally(() => {
      this.flushing = undefined;
      if (this.queue.length > 0) this.kick();
    });
  }

  private async writeAll(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.config.persistBatchSize);
      this.inFlight = batch.length;
      this.metrics.batchSize.observe(batch.length);
      const timer = this.metrics.batchSeconds.startTimer();
      try {
        const saved = await this.writeWithRetry(batch.map((j) => j.message));
        batch.forEach((job, i) => job.resolve(saved[i]));
      } catch (err) {
        this.logger.error(`gave up saving ${batch.length} messages: ${(err as Error).message}`);
        const failure = new AppError('STORE.UNAVAILABLE', 'the message store is unavailable; resend with the same tempId');
        batch.forEach((job) => job.reject(failure));
      } finally {
        timer();
        this.inFlight = 0;
      }
    }
  }

  private async writeWithRetry(batch: NewMessage[]): Promise<SavedMessage[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.messages.insertMany(batch);
      } catch (err) {
        if (attempt >= this.config.persistMaxRetries) throw err;
        const backoff = Math.min(2000, 25 * 2 ** attempt) * (0.5 + Math.random() / 2);
        this.logger.warn(`saving ${batch.length} messages failed (${(err as Error).message}); retry in ${Math.round(backoff)} ms`);
        await sleep(backoff);
      }
    }
  }
}
