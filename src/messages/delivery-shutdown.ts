import { BeforeApplicationShutdown, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { RealtimeService } from '../common/ws/realtime.service';
import { WsShutdownGate } from '../common/ws/ws-shutdown-gate';
import { MessageDelivery } from './message-delivery';
import { MessagePipeline } from './message-pipeline.service';
import { MessageWriteQueue } from './message-write-queue';
import { SequenceService } from './sequence.service';

/**
 * The clean stop of DESIGN.md 5.8, in Nest's hook order: refuse new sends (onModuleDestroy),
 * answer every event still running, save everything accepted, let the last answers and
 * confirmations reach the sockets and then disconnect them (beforeApplicationShutdown),
 * give back unused positions (one node; a cluster keeps its shared counter); Nest then closes the servers and the store closes last.
 */
@Injectable()
export class DeliveryShutdown implements OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryShutdown.name);

  constructor(
    private readonly pipeline: MessagePipeline,
    private readonly queue: MessageWriteQueue,
    private readonly realtime: RealtimeService,
    private readonly sequences: SequenceService,
    private readonly gate: WsShutdownGate,
    private readonly delivery: MessageDelivery,
  ) {}

  onModuleDestroy(): void {
    this.pipeline.stopAccepting();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.gate.close();
    this.logger.log(`stopping: saving ${this.queue.pending} pending messages`);
    await this.queue.drain();
    await this.delivery.held();
    await this.realtime.flushOutgoing();
    await this.realtime.disconnectAll();
    this.gate.report();
    await this.sequences.release();
    this.logger.log('every accepted message is saved and confirmed');
  }
}
