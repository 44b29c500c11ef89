import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import { NewMessage, SavedMessage, SaveOutcome } from '../persistence/models';
import { MessageRepository } from '../persistence/ports';
import { SaveFailure } from './save-failure';

interface Job {
  message: NewMessage;
  resolve: (saved: SavedMessage) => void;
  reject: (err: SaveFailure) => void;
}

const MAX_BACKOFF_MS = 1000;

/**
 * Bounded write-behind buffer with group commit: one insertMany per batch, flushed at
 * PERSIST_BATCH_SIZE messages or PERSIST_FLUSH_MS, batches written one at a time, in order.
 * A message counts against PERSIST_BUFFER_LIMIT from the moment it is admitted. A store
 * outage is retried (backoff capped at 1 s) until the batch's oldest message has waited
 * PERSIST_RETRY_FOR_MS; a message the store refuses for good fails alone.
 */
@Injectable()
export class MessageWriteQueue {
  private readonly logger = new Logger(MessageWriteQueue.name);
  private queue: Job[] = [];
  private admitted = 0;
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

  /** Accepted but not yet saved (admitted, queued, in flight). */
  get pending(): number {
    return this.admitted + this.queue.length + this.inFlight;
  }

  /** Takes a place in the buffer for a message about to be accepted, or refuses with SERVER.BUSY. */
  admit(): void {
    if (this.pending >= this.config.persistBufferLimit) {
      const retryAfterMs = Math.max(50, this.config.persistFlushMs * 10);
      throw new AppError('SERVER.BUSY', 'too many unsaved messages: retry shortly', { retryAfterMs });
    }
    this.admitted++;
  }

  /** Saves an admitted message; rejects with a SaveFailure. */
  save(message: NewMessage): Promise<SavedMessage> {
    this.admitted = Math.max(0, this.admitted - 1);
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
        const outcomes = await this.writeWithRetry(batch.map((j) => j.message));
        batch.forEach((job, i) => settle(job, outcomes[i]));
      } catch (err) {
        this.logger.error(`gave up saving ${batch.length} messages after ${this.config.persistRetryForMs} ms: ${(err as Error).message}`);
        const failure = new SaveFailure('STORE.UNAVAILABLE', 'the message store is unavailable; resend with the same tempId', true);
        batch.forEach((job) => job.reject(failure));
      } finally {
        timer();
        this.inFlight = 0;
      }
    }
  }

  private async writeWithRetry(batch: NewMessage[]): Promise<SaveOutcome[]> {
    const deadline = Math.min(...batch.map((m) => m.createdAt.getTime())) + this.config.persistRetryForMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.messages.insertMany(batch);
      } catch (err) {
        // The last try is at the deadline itself: an outage shorter than PERSIST_RETRY_FOR_MS fails nothing.
        const left = deadline - Date.now();
        if (left <= 0) throw err;
        const backoff = Math.min(left, MAX_BACKOFF_MS * (0.5 + Math.random() / 2), 25 * 2 ** attempt);
        this.metrics.saveRetries.inc();
        this.logger.warn(`saving ${batch.length} messages failed (${(err as Error).message}); retry in ${Math.round(backoff)} ms`);
        await sleep(backoff);
      }
    }
  }
}

function settle(job: Job, outcome: SaveOutcome): void {
  if (outcome.status === 'saved') return job.resolve(outcome.saved);
  job.reject(new SaveFailure('MESSAGE.REJECTED', outcome.reason, outcome.retryable));
}
