import { Registry } from 'prom-client';
import { until } from '../../test/support/sockets';
import { EventLoopDelayMetric } from './event-loop-delay.metric';

function blockLoop(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

function scraped(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`${series} missing from:\n${text}`);
  return Number(line.slice(series.length + 1));
}

describe(EventLoopDelayMetric.name, () => {
  let registry: Registry;
  let sut: EventLoopDelayMetric;

  beforeEach(() => {
    registry = new Registry();
    sut = new EventLoopDelayMetric(registry);
  });

  afterEach(() => sut.stop());

  it('reads an idle loop as near zero, not as the 10 ms sampling interval', async () => {
    await until(() => sut.read().samples >= 20, 5000);
    const text = await registry.metrics();
    expect(scraped(text, 'chat_event_loop_delay_seconds{stat="p50"}')).toBeLessThan(0.005);
    expect(scraped(text, 'chat_event_loop_delay_samples')).toBeGreaterThanOrEqual(20);
  });

  it('reports a blocked loop in the next scrape, which then starts a new window', async () => {
    // Node records intervals between ticks, so the block must come after the first one.
    await until(() => sut.read().samples >= 1, 5000);
    blockLoop(150);
    await until(() => sut.read().max >= 0.1, 5000);
    const text = await registry.metrics();
    expect(scraped(text, 'chat_event_loop_delay_seconds{stat="max"}')).toBeGreaterThanOrEqual(0.1);
    expect(scraped(text, 'chat_event_loop_delay_seconds{stat="p99"}')).toBeGreaterThanOrEqual(0.1);
    expect(sut.read()).toEqual({ samples: 0, p50: 0, p99: 0, max: 0 });
  });
});
