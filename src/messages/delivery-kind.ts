import { WireConfirmation, WireMessage } from '../common/ws/server-events';
import { NewMessage, RoomKind, SavedMessage, UserSummary } from '../persistence/models';

/** What differs between DMs and channels: event names, the id field, the room kind. Nothing else. */
export interface DeliveryKind {
  roomKind: RoomKind;
  idField: 'roomId' | 'channelId';
  sent: 'roomMessageSent' | 'channelMessageSent';
  received: 'roomMessageRecieved' | 'NEW_MESSAGE_RECEIVED';
  confirmed: 'roomMessageConfirmed' | 'channelMessageConfirmed';
  failed: 'roomMessageFailed' | 'channelMessageFailed';
}

export const DIRECT_DELIVERY: DeliveryKind = {
  roomKind: 'direct',
  idField: 'roomId',
  sent: 'roomMessageSent',
  received: 'roomMessageRecieved',
  confirmed: 'roomMessageConfirmed',
  failed: 'roomMessageFailed',
};

export const CHANNEL_DELIVERY: DeliveryKind = {
  roomKind: 'channel',
  idField: 'channelId',
  sent: 'channelMessageSent',
  received: 'NEW_MESSAGE_RECEIVED',
  confirmed: 'channelMessageConfirmed',
  failed: 'channelMessageFailed',
};

export function toWireMessage(kind: DeliveryKind, m: NewMessage, sender: UserSummary, id: string, optimistic: boolean): WireMessage {
  return {
    _id: id,
    tempId: m.tempId,
    [kind.idField]: m.roomId,
    sender: { id: sender.id, username: sender.username },
    body: m.body,
    seq: m.seq,
    createdAt: m.createdAt,
    isOptimistic: optimistic,
  };
}

export function toConfirmation(kind: DeliveryKind, s: SavedMessage): WireConfirmation {
  return { tempId: s.tempId, _id: s._id, [kind.idField]: s.roomId, seq: s.seq, createdAt: s.createdAt };
}
