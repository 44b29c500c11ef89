import { AppError } from '../common/errors/app-error';
import { AppConfig } from '../config/app-config';
import { RateLimiter } from './rate-limiter.service';

describe(RateLimiter.name, () => {
  const config = Object.assign(new AppConfig(), { rateLimitPerSec: 10, rateLimitBurst: 3 });
  let sut: RateLimiter;

  beforeEach(() => {
    sut = new RateLimiter(config);
  });

  it('allows a burst, then refuses with the wait until the next token', () => {
    for (let i = 0; i < 3; i++) sut.take('a', 1000);
    try {
      sut.take('a', 1000);
      throw new Error('expected RATE.LIMITED');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).toBody()).toEqual({ code: 'RATE.LIMITED', message: expect.any(String), retryAfterMs: 100 });
    }
  });

  it('refills at the configured rate and keeps users apart', () => {
    for (let i = 0; i < 3; i++) sut.take('a', 1000);
    expect(() => sut.take('b', 1000)).not.toThrow();
    expect(() => sut.take('a', 1050)).toThrow(AppError);
    expect(() => sut.take('a', 1150)).not.toThrow();
  });
});
