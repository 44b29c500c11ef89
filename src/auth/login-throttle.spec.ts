import { AppError } from '../common/errors/app-error';
import { MemoryRateLimits } from '../common/rate-limit/rate-limits';
import { AppConfig } from '../config/app-config';
import { LoginThrottle } from './login-throttle';

const refusalOf = (p: Promise<void>) =>
  p.then(
    () => null,
    (err: AppError) => err,
  );

describe(LoginThrottle.name, () => {
  const config = Object.assign(new AppConfig(), { loginFailsPerUserIp: 2, loginFailsPerIpPerDay: 5 });
  let sut: LoginThrottle;
  beforeEach(() => {
    sut = new LoginThrottle(config, new MemoryRateLimits());
  });

  it('refuses a username at an address after its consecutive failures, for about an hour', async () => {
    await sut.failed('Alice', '10.0.0.1');
    await expect(sut.assertAllowed('alice', '10.0.0.1')).resolves.toBeUndefined();
    await sut.failed('alice', '10.0.0.1');
    const refusal = await refusalOf(sut.assertAllowed('ALICE', '10.0.0.1'));
    expect(refusal?.code).toBe('RATE.LIMITED');
    expect(refusal?.extra.retryAfterMs).toBeGreaterThan(59 * 60_000);
    expect(refusal?.extra.retryAfterMs).toBeLessThanOrEqual(60 * 60_000);
    await expect(sut.assertAllowed('alice', '10.0.0.2')).resolves.toBeUndefined();
    await expect(sut.assertAllowed('bob', '10.0.0.1')).resolves.toBeUndefined();
  });

  it('forgets the consecutive failures of a username at an address once it signs in', async () => {
    await sut.failed('alice', '10.0.0.1');
    await sut.succeeded('alice', '10.0.0.1');
    await sut.failed('alice', '10.0.0.1');
    await expect(sut.assertAllowed('alice', '10.0.0.1')).resolves.toBeUndefined();
  });

  it('refuses an address for the rest of the day after its failures over any usernames', async () => {
    for (let i = 0; i < 5; i++) await sut.failed(`user${i}`, '10.0.0.9');
    const refusal = await refusalOf(sut.assertAllowed('someone_new', '10.0.0.9'));
    expect(refusal?.extra.retryAfterMs).toBeGreaterThan(23 * 3600_000);
    await expect(sut.assertAllowed('someone_new', '10.0.0.8')).resolves.toBeUndefined();
  });
});
