import { MessageStore, messageKey } from './message-store';
import type { ChatMessage } from './types';

const msg = (tempId: string, seq: number | undefined, state: ChatMessage['state'] = 'pending', sender = 'u1'): ChatMessage => ({
  tempId,
  _id: tempId,
  roomId: 'r',
  sender: { id: sender, username: sender },
  body: tempId,
  ...(seq !== undefined && { seq }),
  createdAt: '2026-01-01T00:00:00.000Z',
  state,
});

describe(MessageStore.name, () => {
  it('holds each message once, ascending by seq, unaccepted ones last', () => {
    const sut = new MessageStore();
    [msg('c', 3), msg('x', undefined), msg('a', 1), msg('b', 2), msg('c', 3, 'confirmed')].forEach((m) => sut.upsert(m));
    expect(sut.list().map((m) => m.tempId)).toEqual(['a', 'b', 'c', 'x']);
    expect(sut.lastSeq).toBe(3);
    expect(sut.oldestSeq()).toBe(1);
  });

  it('keys by sender and tempId: two senders may use the same tempId', () => {
    const sut = new MessageStore();
    sut.upsert(msg('t1', 1, 'confirmed', 'u1'));
    sut.upsert(msg('t1', 2, 'pending', 'u2'));
    expect(sut.list()).toHaveLength(2);
    expect(sut.atSeq(2)?.sender.id).toBe('u2');
  });

  it('resumes a catch-up before the first message held unconfirmed', () => {
    const sut = new MessageStore();
    [msg('a', 1, 'confirmed'), msg('b', 2), msg('c', 3, 'confirmed')].forEach((m) => sut.upsert(m));
    expect(sut.resumeAfter()).toBe(1);
    sut.upsert(msg('b', 2, 'confirmed'));
    expect(sut.resumeAfter()).toBe(3);
  });

  it('never lets a late copy undo a confirmation', () => {
    const sut = new MessageStore();
    sut.upsert(msg('a', 1, 'confirmed'));
    sut.upsert(msg('a', 1, 'pending'));
    expect(sut.get(messageKey('u1', 'a'))?.state).toBe('confirmed');
  });
});
