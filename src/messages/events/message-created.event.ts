import { NewMessage, UserSummary } from '../../persistence/models';
import { DeliveryKind } from '../delivery-kind';

/** Raised for every accepted message; `persisted` when it was saved before delivery (durable mode). */
export class MessageCreatedEvent {
  static readonly eventName = 'message.created';

  constructor(
    readonly kind: DeliveryKind,
    readonly message: NewMessage,
    readonly sender: UserSummary,
    readonly persisted: boolean,
  ) {}
}
