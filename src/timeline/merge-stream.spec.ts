import { StoredMessage } from '../persistence/models';
import { StreamMessage } from '../messages/unsaved-messages';
import { mergeStream } from './merge-stream';

const saved = (seq: number, rev = seq): StoredMessage =>
  ({ _id: `id${seq}`, roomId: 'r', seq, rev, sender: { id: 'a', username: 'a' }, body: 'b', tempId: `t${seq}`, createdAt: new Date(seq) });
const unsaved = (seq: number): StreamMessage => ({ ...saved(seq), _id: `t${seq}`, isOptimistic: true });
const shape = (s: { messages: StreamMessage[]; hasMore: boolean }) => [s.messages.map((m) => `${m.seq}${m.isOptimistic ? '?' : ''}`), s.hasMore];

describe(mergeStream.name, () => {
  it('answers the store\'s page as it is when nothing is unsaved', () => {
    expect(shape(mergeStream({ messages: [saved(1), saved(2)], hasMore: true }, [], 2))).toEqual([['1', '2'], true]);
  });

  it('puts unsaved messages in rev order after the saved ones, each once, the saved copy first', () => {
    const sut = mergeStream({ messages: [saved(1), saved(2), saved(3)], hasMore: false }, [unsaved(3), unsaved(4), unsaved(5)], 10);
    expect(shape(sut)).toEqual([['1', '2', '3', '4?', '5?'], false]);
  });

  it('orders by rev, so a changed saved message follows the unsaved ones before its new position', () => {
    const sut = mergeStream({ messages: [saved(1, 6)], hasMore: false }, [unsaved(4), unsaved(5)], 10);
    expect(shape(sut)).toEqual([['4?', '5?', '1'], false]);
  });

  it('cuts at the limit and says there is more, whichever side was cut', () => {
    expect(shape(mergeStream({ messages: [saved(1), saved(2)], hasMore: false }, [unsaved(3)], 2))).toEqual([['1', '2'], true]);
    expect(shape(mergeStream({ messages: [saved(1), saved(2)], hasMore: true }, [unsaved(9)], 2))).toEqual([['1', '2'], true]);
    expect(shape(mergeStream({ messages: [], hasMore: false }, [unsaved(3), unsaved(4)], 1))).toEqual([['3?'], true]);
  });
});
