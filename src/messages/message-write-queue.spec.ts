import { AppConfig } from '../config/app-config';
import { NewMessage, SavedMessage } from '../persistence/models';
import { MessageRepository } from '../persistence/ports';
import { MetricsService } from '../metrics/metrics.service';
import { MessageWriteQueue } from './message-write-queue';

class FakeMessages {
  batches: NewMessage[][] = [];
  failuresLeft = 0;

  async insertMany(batch: NewMessage[]): Promise<SavedMessage[]> {
    if (this.failuresLeft-- > 0) throw new Error('store down');
    this.batches.push(batch);
    return batch.map((m) => ({ _id: `id-${m.seq}`, roomId: m.roomId, seq: m.seq, tempId: m.tempId, createdAt: m.createdAt, duplicate: false }));
  }
}

describe(MessageWriteQueue.name, () => {
  const config = Object.assign(new AppConfig(), { persistBatchSize: 256, persistFlushMs: 5, persistBufferLimit: 1000, persistMaxRetries: 2 });
  const msg = (seq: number): NewMessage => ({ roomId: 'r', seq, senderId: 's', body: 'b', tempId: `t${seq}`, createdAt: new Date() });
  let fake: FakeMessages;
  let sut: MessageWriteQueue;

  beforeEach(() => {
    fake = new FakeMessages();
    sut = new MessageWriteQueue(fake as unknown as MessageRepository, config, new MetricsService());
  });

  it('group-commits: one insertMany per full batch, in order, and resolves each save with its row', async () => {
    const saves = Array.from({ length: 600 }, (_, i) => sut.save(msg(i + 1)));
    expect(sut.pending).toBe(600);
    const saved = await Promise.all(saves);
    expect(fake.batches.map((b) => b.length)).toEqual([256, 256, 88]);
    expect(fake.batches.flat().map((m) => m.seq)).toEqual(saved.map((s) => s.seq));
    expect(saved[599]).toMatchObject({ _id: 'id-600', tempId: 't600' });
    expect(sut.pending).toBe(0);
  });

  it('flushes a partial batch after the flush interval', async () => {
    await expect(sut.save(msg(1))).resolves.toMatchObject({ seq: 1 });
    expect(fake.batches).toHaveLength(1);
  });

  it('retries a failing batch, then succeeds', async () => {
    fake.failuresLeft = 2;
    await expect(sut.save(msg(1))).resolves.toMatchObject({ _id: 'id-1' });
  });

  it('rejects every message of a batch with STORE.UNAVAILABLE once the retries are spent, and goes on', async () => {
    fake.failuresLeft = 3;
    const doomed = [sut.save(msg(1)), sut.save(msg(2))];
    for (const save of doomed) await expect(save).rejects.toMatchObject({ code: 'STORE.UNAVAILABLE' });
    await expect(sut.save(msg(3))).resolves.toMatchObject({ seq: 3 });
  });

  it('is full at the buffer limit', () => {
    const small = new MessageWriteQueue(fake as unknown as MessageRepository, Object.assign(new AppConfig(), { ...config, persistBufferLimit: 2 }), new MetricsService());
    void small.save(msg(1));
    expect(small.isFull()).toBe(false);
    void small.save(msg(2));
    expect(small.isFull()).toBe(true);
    return small.drain();
  });

  it('drain() saves everything queued', async () => {
    const saves = [sut.save(msg(1)), sut.save(msg(2))];
    await sut.drain();
    expect(sut.pending).toBe(0);
    expect(fake.batches.flat()).toHaveLength(2);
    await Promise.all(saves);
  });
});
