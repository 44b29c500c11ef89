import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { SavedMessage } from '../../persistence/models';
import { AcceptedMessages } from '../accepted-messages';
import { MessageCreatedEvent } from '../events/message-created.event';
import { MessageDelivery } from '../message-delivery';
import { MessageWriteQueue } from '../message-write-queue';
import { SequenceService } from '../sequence.service';
import { UnsavedMessages } from '../unsaved-messages';

/** Optimistic mode: saves each delivered message through the write-behind queue, then confirms or fails it. */
@Injectable()
export class MessagePersistenceListener {
  private readonly logger = new Logger(MessagePersistenceListener.name);

  constructor(
    private readonly queue: MessageWriteQueue,
    private readonly accepted: AcceptedMessages,
    private readonly delivery: MessageDelivery,
    private readonly unsaved: UnsavedMessages,
    private readonly sequences: SequenceService,
  ) {}

  // The event emitter swallows listener errors (suppressErrors), so every path is caught here.
  @OnEvent(MessageCreatedEvent.eventName, { async: true })
  async handle({ kind, message, sender, persisted }: MessageCreatedEvent): Promise<void> {
    if (persisted) return;
    const key = AcceptedMessages.key(message.roomId, message.senderId, message.tempId);
    let saved: SavedMessage;
    try {
      saved = await this.queue.save(message);
    } catch (err) {
      this.accepted.forget(key);
      this.unsaved.remove(message.roomId, message.seq);
      // Before the failure is told: a resend it prompts, to any node, must be accepted anew.
      await this.sequences.withdraw(message.roomId, key);
      return this.report(() => this.delivery.failed(kind, message, err));
    }
    this.accepted.markSaved(key, saved);
    this.unsaved.remove(message.roomId, message.seq);
    this.report(() => this.delivery.confirmed(kind, saved, sender.id));
  }

  private report(notify: () => void): void {
    try {
      notify();
    } catch (err) {
      this.logger.error(`could not report a save outcome: ${(err as Error).message}`);
    }
  }
}
