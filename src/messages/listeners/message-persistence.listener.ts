import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { SavedMessage } from '../../persistence/models';
import { DeliveryNotifier } from '../delivery-notifier';
import { MessageCreatedEvent } from '../events/message-created.event';
import { MessageWriteQueue } from '../message-write-queue';

/** Optimistic mode: saves each delivered message through the write-behind queue, then confirms or fails it. */
@Injectable()
export class MessagePersistenceListener {
  private readonly logger = new Logger(MessagePersistenceListener.name);

  constructor(
    private readonly queue: MessageWriteQueue,
    private readonly notifier: DeliveryNotifier,
  ) {}

  // The event emitter swallows listener errors (suppressErrors), so every path is caught here.
  @OnEvent(MessageCreatedEvent.eventName, { async: true })
  async handle({ kind, message, sender, persisted }: MessageCreatedEvent): Promise<void> {
    if (persisted) return;
    let saved: SavedMessage;
    try {
      saved = await this.queue.save(message);
    } catch (err) {
      return this.report(() => this.notifier.failed(kind, message, err));
    }
    this.report(() => this.notifier.confirmed(kind, saved, sender.id));
  }

  private report(notify: () => void): void {
    try {
      notify();
    } catch (err) {
      this.logger.error(`could not report a save outcome: ${(err as Error).message}`);
    }
  }
}
