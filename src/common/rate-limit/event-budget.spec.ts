import { AppConfig } from '../../config/app-config';
import { EventBudget } from './event-budget';

describe(EventBudget.name, () => {
  const config = AppConfig.fromEnv({ JWT_SECRET: 'x'.repeat(32), EVENT_BUDGET_PER_SEC: '1', EVENT_BUDGET_BURST: '2' });

  it('admits EVENT_BUDGET_BURST requests per key, then answers RATE.LIMITED with the wait for the window', async () => {
    const sut = new EventBudget(config);
    expect(await sut.refusal('user:a')).toBeNull();
    await expect(sut.take('user:a')).resolves.toBeUndefined();
    const refused = await sut.refusal('user:a');
    expect(refused).toMatchObject({ code: 'RATE.LIMITED', retryAfterMs: expect.any(Number) });
    expect(refused!.retryAfterMs).toBeLessThanOrEqual(2000);
    await expect(sut.take('user:a')).rejects.toMatchObject({ code: 'RATE.LIMITED' });
    expect(await sut.refusal('user:b')).toBeNull();
  });
});
