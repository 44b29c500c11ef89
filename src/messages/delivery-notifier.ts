import { Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';
import { RealtimeService } from '../common/ws/realtime.service';
import { MetricsService } from '../metrics/metrics.service';
import { NewMessage, SavedMessage } from '../persistence/models';
import { AcceptedMessages } from './accepted-messages';
import { DeliveryKind, toConfirmation } from './delivery-kind';

/** Tells a room how a save ended: Confirmed with the real id, or Failed (retryable). */
@Injectable()
export class DeliveryNotifier {
  constructor(
    private readonly realtime: RealtimeService,
    private readonly accepted: AcceptedMessages,
    private readonly metrics: MetricsService,
  ) {}

  confirmed(kind: DeliveryKind, saved: SavedMessage, senderId: string): void {
    this.metrics.confirmed.inc({ kind: kind.roomKind });
    this.accepted.markSaved(AcceptedMessages.key(saved.roomId, senderId, saved.tempId), saved);
    // The sender's own channel too: a sending socket that left the room still hears back.
    this.realtime.to({ roomIds: [saved.roomId], userIds: [senderId] }).emit(kind.confirmed, toConfirmation(kind, saved));
  }

  failed(kind: DeliveryKind, message: NewMessage, err: unknown): void {
    this.metrics.failed.inc({ kind: kind.roomKind });
    this.accepted.forget(AcceptedMessages.key(message.roomId, message.senderId, message.tempId));
    const error = err instanceof AppError ? err : new AppError('STORE.UNAVAILABLE', 'the message could not be saved');
    this.realtime.to({ roomIds: [message.roomId], userIds: [message.senderId] }).emit(kind.failed, {
      tempId: message.tempId,
      [kind.idField]: message.roomId,
      error: { code: error.code, message: error.message },
      retryable: true,
    });
  }
}
