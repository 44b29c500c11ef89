import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { SendAck } from '../common/ws/client-events';
import { NewMessage } from '../persistence/models';
import { AcceptedMessages } from './accepted-messages';
import { DeliveryKind } from './delivery-kind';
import { MessageCreatedEvent } from './events/message-created.event';
import { MessageDelivery, Sender } from './message-delivery';
import { MessageWriteQueue } from './message-write-queue';
import { SequenceService } from './sequence.service';

/**
 * Save first, then deliver: DELIVERY_MODE=durable (the seed's design, kept for comparison), and an
 * orphan's resend (its node broadcast it before it died: saved, then only Confirmed; 5.10: never twice).
 * MessagePipeline has accepted and positioned the message.
 */
@Injectable()
export class DurableDelivery {
  constructor(
    private readonly queue: MessageWriteQueue,
    private readonly accepted: AcceptedMessages,
    private readonly sequences: SequenceService,
    private readonly delivery: MessageDelivery,
    private readonly events: EventEmitter2,
  ) {}

  async saveThenDeliver(kind: DeliveryKind, sender: Sender, message: NewMessage, key: string, orphan = false): Promise<SendAck> {
    let saved;
    try {
      saved = await this.queue.save(message);
    } catch (err) {
      this.accepted.forget(key);
      await this.sequences.withdraw(message.roomId, key);
      throw err;
    }
    this.accepted.markSaved(key, saved);
    if (orphan) this.delivery.confirmed(kind, saved, sender.id);
    else this.delivery.broadcast(kind, message, sender, saved);
    this.events.emit(MessageCreatedEvent.eventName, new MessageCreatedEvent(kind, message, sender, true));
    // An orphan is a resend of a tempId the cluster took: the client hears so, as for any resend.
    return { success: true, tempId: message.tempId, _id: saved._id, seq: saved.seq, ...(orphan && { duplicate: true as const }) };
  }
}
