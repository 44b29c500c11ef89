import { AppError } from '../errors/app-error';
import { KeyedRateLimit } from './keyed-rate-limit';
import { MemoryRateLimits } from './rate-limits';

describe(KeyedRateLimit.name, () => {
  it('allows `points` actions per key and window, then refuses with RATE.LIMITED and retryAfterMs', async () => {
    const sut = new MemoryRateLimits().create({ name: 'spec', points: 2, windowSec: 60, what: 'channel creations' });
    await sut.take('alice');
    await sut.take('alice');
    const refusal = await sut.take('alice').then(
      () => null,
      (err: AppError) => err,
    );
    expect(refusal?.toBody()).toEqual({ code: 'RATE.LIMITED', message: expect.stringMatching(/^too many channel creations: retry in \d+ ms$/), retryAfterMs: expect.any(Number) });
    expect(refusal?.extra.retryAfterMs).toBeGreaterThan(55_000);
    expect(refusal?.extra.retryAfterMs).toBeLessThanOrEqual(60_000);
    await expect(sut.take('bob')).resolves.toBeUndefined();
  });

  it('passes a store failure through instead of calling it a rate limit', async () => {
    const broken = { consume: () => Promise.reject(new Error('redis is down')) };
    const sut = new KeyedRateLimit(broken as never, 'messages');
    await expect(sut.take('alice')).rejects.toThrow('redis is down');
  });
});
