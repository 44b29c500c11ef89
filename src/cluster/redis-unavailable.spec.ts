import { AppError } from '../common/errors/app-error';
import { redisUnavailable } from './redis-unavailable';

describe(redisUnavailable.name, () => {
  it('turns a failed Redis command into SERVER.BUSY with retryAfterMs, without the driver text', () => {
    const sut = redisUnavailable(new Error('Connection is closed. 127.0.0.1:6379'));
    expect(sut.status).toBe(503);
    expect(sut.toBody()).toEqual({ code: 'SERVER.BUSY', message: 'cluster state is unreachable (Redis); retry shortly', retryAfterMs: expect.any(Number) });
  });

  it('keeps an AppError as it is', () => {
    const refusal = new AppError('ROOM.NOT_MEMBER', 'no');
    expect(redisUnavailable(refusal)).toBe(refusal);
  });
});
