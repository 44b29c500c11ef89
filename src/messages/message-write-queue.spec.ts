import { AppConfig } from '../config/app-config';
import { NewMessage, SaveOutcome } from '../persistence/models';
import { MessageRepository } from '../persistence/ports';
import { MetricsService } from '../metrics/metrics.service';
import { MessageWriteQueue } from './message-write-queue';

class FakeMessages {
  batches: NewMessage[][] = [];
  failuresLeft = 0;
  refused = new Set<number>();

  async insertMany(batch: NewMessage[]): Promise<SaveOutcome[]> {
    if (this.failuresLeft-- > 0) throw new Error('store down');
    this.batches.push(batch);
    return batch.map((m): SaveOutcome => this.refused.has(m.seq)
      ? { status: 'rejected', reason: 'refused', retryable: false }
      : { status: 'saved', saved: { _id: `id-${m.seq}`, roomId: m.roomId, seq: m.seq, tempId: m.tempId, createdAt: m.createdAt, duplicate: false } });
  }
}

describe(MessageWriteQueue.name, () => {
  const config = Object.assign(new AppConfig(), { persistBatchSize: 256, persistFlushMs: 5, persistBufferLimit: 1000, persistRetryForMs: 300 });
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
    fake.failuresLeft = 4;
    await expect(sut.save(msg(1))).resolves.toMatchObject({ _id: 'id-1' });
  });

  it('retries by time, not by count: fails a batch with STORE.UNAVAILABLE once its oldest message waited PERSIST_RETRY_FOR_MS, and goes on', async () => {
    fake.failuresLeft = 1_000;
    const started = Date.now();
    const doomed = [sut.save(msg(1)), sut.save(msg(2))];
    for (const save of doomed) await expect(save).rejects.toMatchObject({ code: 'STORE.UNAVAILABLE', retryable: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    fake.failuresLeft = 0;
    await expect(sut.save(msg(3))).resolves.toMatchObject({ seq: 3 });
  });

  it('fails only the message the store refuses, with MESSAGE.REJECTED, and saves the rest of its batch', async () => {
    fake.refused.add(2);
    const saves = [1, 2, 3].map((seq) => sut.save(msg(seq)));
    await expect(saves[0]).resolves.toMatchObject({ seq: 1 });
    await expect(saves[1]).rejects.toMatchObject({ code: 'MESSAGE.REJECTED', retryable: false });
    await expect(saves[2]).resolves.toMatchObject({ seq: 3 });
  });

  it('counts a message from its admission: past the buffer limit admit() refuses with SERVER.BUSY', () => {
    const small = new MessageWriteQueue(fake as unknown as MessageRepository, Object.assign(new AppConfig(), { ...config, persistBufferLimit: 2 }), new MetricsService());
    small.admit();
    small.admit();
    expect(small.pending).toBe(2);
    expect(() => small.admit()).toThrow(expect.objectContaining({ code: 'SERVER.BUSY', extra: { retryAfterMs: 50 } }));
    void small.save(msg(1));
    expect(small.pending).toBe(2);
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
