import { TypingService } from '../src/typing/typing.service';
import { closeAll, DmPair, dmPair } from './support/dm-pair';
import { startApp, TestApp } from './support/harness';
import { ack, next } from './support/sockets';

// TYPING_TIMEOUT_MS shortens the 6 s default so the server's own stop is seen in about a second.
describe('Typing expiry (e2e, TYPING_TIMEOUT_MS=1000)', () => {
  let t: TestApp;
  let p: DmPair;

  beforeAll(async () => {
    t = await startApp({ TYPING_TIMEOUT_MS: '1000' });
    p = await dmPair(t);
  });

  afterAll(async () => {
    closeAll(p);
    await t?.app.close();
  });

  it('ends typing itself once the timeout passed since the last renewal, and forgets it', async () => {
    const stopped = next(p.b1, 'userTyping', (s) => !s.isTyping, 10_000);
    await ack(p.a1, 'typing', { roomId: p.roomId, isTyping: true });
    const renewedAt = Date.now();
    await ack(p.a2, 'typing', { roomId: p.roomId, isTyping: true });
    expect(await stopped).toMatchObject({ roomId: p.roomId, userId: p.alice.user.id, isTyping: false });
    // Timers fire late under load, never early (a few ms of clock granularity aside).
    expect(Date.now() - renewedAt).toBeGreaterThanOrEqual(950);
    expect(t.app.get(TypingService).size()).toBe(0);
  });
});
