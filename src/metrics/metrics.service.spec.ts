import { MetricsService } from './metrics.service';

describe(MetricsService.name, () => {
  let metrics: MetricsService;

  beforeEach(() => (metrics = new MetricsService()));
  afterEach(() => metrics.onModuleDestroy());

  it('keeps a gauge at its last value while its read fails, and the scrape still answers', async () => {
    let read: () => Promise<number> = async () => 7;
    metrics.gauge('test_gauge', 'A gauge read from elsewhere', () => read());
    expect(await metrics.registry.metrics()).toMatch(/^test_gauge 7$/m);
    read = () => Promise.reject(new Error('Stream isn\'t writeable'));
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^test_gauge 7$/m);
    expect(text).toMatch(/^chat_persist_retries_total 0$/m);
    read = async () => 3;
    expect(await metrics.registry.metrics()).toMatch(/^test_gauge 3$/m);
  });
});
