import { NewMessage } from '../persistence/models';
import { DIRECT_DELIVERY } from './delivery-kind';
import { MessageCreatedEvent } from './events/message-created.event';
import { UnsavedMessages } from './unsaved-messages';

describe(UnsavedMessages.name, () => {
  const alice = { id: 'alice', username: 'Alice' };
  const message = (roomId: string, seq: number): NewMessage => ({ roomId, seq, senderId: 'alice', body: `m${seq}`, tempId: `t${seq}`, createdAt: new Date(seq) });
  const created = (m: NewMessage, persisted = false) => new MessageCreatedEvent(DIRECT_DELIVERY, m, alice, persisted);
  let sut: UnsavedMessages;
  beforeEach(() => (sut = new UnsavedMessages()));

  it('lists a room\'s accepted messages after a position, ascending, as optimistic stream messages', () => {
    [1, 2, 3].forEach((seq) => sut.add(created(message('r', seq))));
    sut.add(created(message('other', 7)));
    expect(sut.after('r', 1).map((m) => m.seq)).toEqual([2, 3]);
    expect(sut.after('r', 2)).toEqual([
      { _id: 't3', roomId: 'r', seq: 3, rev: 3, sender: alice, body: 'm3', tempId: 't3', createdAt: new Date(3), isOptimistic: true },
    ]);
    expect(sut.after('nowhere', 0)).toEqual([]);
  });

  it('drops a message once its save ended, and never lists one saved before delivery (durable mode)', () => {
    sut.add(created(message('r', 1)));
    sut.add(created(message('r', 2)));
    sut.add(created(message('r', 3), true));
    sut.remove('r', 1);
    expect(sut.after('r', 0).map((m) => m.seq)).toEqual([2]);
    sut.remove('r', 2);
    sut.remove('r', 2);
    expect(sut.after('r', 0)).toEqual([]);
  });
});
