import { WsShutdownGate } from './ws-shutdown-gate';

describe(WsShutdownGate.name, () => {
  it('lets events through while open, and close() waits for their answers', async () => {
    const sut = new WsShutdownGate();
    const answers: unknown[] = [];
    const args: unknown[] = [{ roomId: 'r' }, (res: unknown) => answers.push(res)];
    expect(sut.admit(args)).toBe(true);
    let closed = false;
    const closing = sut.close(5000).then(() => (closed = true));
    // A negative (still waiting): there is no event to wait for, so give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(false);
    (args[1] as (res: unknown) => void)({ success: true });
    await closing;
    expect(answers).toEqual([{ success: true }]);
  });

  it('once closing, answers an event with an ack SERVER.BUSY itself and stops it', async () => {
    const sut = new WsShutdownGate();
    await sut.close();
    const answers: any[] = [];
    expect(sut.admit([{ roomId: 'r' }, (res: unknown) => answers.push(res)])).toBe(false);
    expect(answers).toEqual([{ success: false, error: expect.objectContaining({ code: 'SERVER.BUSY', retryAfterMs: 1000 }) }]);
    expect(sut.admit([{ roomId: 'r' }])).toBe(false);
  });

  it('close() gives up after its timeout when a handler never answers', async () => {
    const sut = new WsShutdownGate();
    sut.admit([{}, () => undefined]);
    const started = Date.now();
    await sut.close(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
