import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { WsErrorEvent } from '../common/ws/ws-error.event';
import { EventLoopDelayMetric } from './event-loop-delay.metric';

/** Prometheus metrics of this process (one registry per app, so tests can run several apps). */
@Injectable()
export class MetricsService implements OnModuleDestroy {
  private readonly logger = new Logger(MetricsService.name);
  readonly registry = new Registry();
  readonly eventLoopDelay = new EventLoopDelayMetric(this.registry);

  readonly accepted = new Counter({ name: 'chat_messages_accepted_total', help: 'Messages accepted and delivered', labelNames: ['kind'], registers: [this.registry] });
  readonly confirmed = new Counter({ name: 'chat_messages_confirmed_total', help: 'Messages saved and confirmed', labelNames: ['kind'], registers: [this.registry] });
  readonly failed = new Counter({ name: 'chat_messages_failed_total', help: 'Messages whose save failed after retries', labelNames: ['kind'], registers: [this.registry] });
  readonly saveRetries = new Counter({ name: 'chat_persist_retries_total', help: 'Batch saves retried after a store failure', registers: [this.registry] });
  readonly wsErrors = new Counter({ name: 'chat_ws_errors_total', help: 'WebSocket events answered with an error', labelNames: ['event', 'code'], registers: [this.registry] });
  readonly batchSize = new Histogram({
    name: 'chat_persist_batch_size',
    help: 'Messages per group commit',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers: [this.registry],
  });
  readonly batchSeconds = new Histogram({
    name: 'chat_persist_batch_seconds',
    help: 'Time to save one batch, retries included',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  @OnEvent(WsErrorEvent.eventName)
  countWsError({ event, code }: WsErrorEvent): void {
    this.wsErrors.inc({ event, code });
  }

  onModuleDestroy(): void {
    this.eventLoopDelay.stop();
  }

  /**
   * A gauge read when Prometheus scrapes. A failed read (Redis away in cluster mode) keeps the
   * last value: one unreadable gauge must not turn the whole scrape into a 500.
   */
  gauge(name: string, help: string, read: () => number | Promise<number>): void {
    const logger = this.logger;
    let failing = false;
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        try {
          this.set(await read());
          failing = false;
        } catch (err) {
          if (!failing) logger.warn(`${name} keeps its last value until it can be read: ${(err as Error).message}`);
          failing = true;
        }
      },
    });
  }
}
