import { AppError } from '../errors/app-error';
import { TokenBuckets } from './token-buckets';

describe(TokenBuckets.name, () => {
  let sut: TokenBuckets;

  beforeEach(() => {
    sut = new TokenBuckets(10, 3, 'messages');
  });

  it('allows a burst, then refuses with the wait until the next token', () => {
    for (let i = 0; i < 3; i++) sut.take('a', 1000);
    try {
      sut.take('a', 1000);
      throw new Error('expected RATE.LIMITED');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).toBody()).toEqual({ code: 'RATE.LIMITED', message: 'too many messages: retry in 100 ms', retryAfterMs: 100 });
    }
  });

  it('refills at the configured rate and keeps keys apart', () => {
    for (let i = 0; i < 3; i++) sut.take('a', 1000);
    expect(() => sut.take('b', 1000)).not.toThrow();
    expect(() => sut.take('a', 1050)).toThrow(AppError);
    expect(() => sut.take('a', 1150)).not.toThrow();
  });

  it('forgets refilled keys once there are many', () => {
    for (let i = 0; i < 10_001; i++) sut.take(`k${i}`, 0);
    sut.take('late', 5000);
    expect((sut as unknown as { buckets: Map<string, unknown> }).buckets.size).toBe(1);
  });
});
