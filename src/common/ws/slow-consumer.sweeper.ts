import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { RealtimeService } from './realtime.service';

const SWEEP_EVERY_MS = 1000;

/**
 * Socket.IO queues packets without limit for a client that stops reading (a frozen tab, a
 * phone that lost its network without a FIN). Once a connection holds more than
 * MAX_QUEUED_PACKETS or MAX_QUEUED_BYTES it is closed; the client reconnects and catches up
 * from history.
 */
@Injectable()
export class SlowConsumerSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SlowConsumerSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly realtime: RealtimeService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  sweep(): void {
    const { maxQueuedPackets: packets, maxQueuedBytes: bytes } = this.config;
    const closed = this.realtime.closeConnectionsQueuedOver({ packets, bytes });
    if (closed > 0) this.logger.warn(`closed ${closed} connection(s) holding over ${packets} unsent packets or ${bytes} unsent bytes`);
  }
}
