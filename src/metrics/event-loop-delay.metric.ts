import { IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { Gauge, Registry } from 'prom-client';

export interface EventLoopDelay {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

const STATS = ['p50', 'p99', 'max'] as const;

/**
 * How late the event loop runs a timer, in seconds, over the window since the last scrape
 * (each scrape starts a new window, as prom-client's own event-loop gauges do).
 *
 * Node records the whole timer interval, so an idle loop reads as the resolution itself:
 * prom-client's `nodejs_eventloop_lag_p99_seconds` never drops below 10 ms. The delay is
 * the interval minus the resolution, which is what a latency budget can be held against.
 */
export class EventLoopDelayMetric {
  private readonly histogram: IntervalHistogram;

  constructor(
    registry: Registry,
    private readonly resolutionMs = 10,
  ) {
    this.histogram = monitorEventLoopDelay({ resolution: resolutionMs });
    this.histogram.enable();
    const read = () => this.read();
    const reset = () => this.histogram.reset();
    // Registered before the samples gauge: the registry snapshots gauges in that order, and
    // this collect sets both, then starts the next window.
    new Gauge({
      name: 'chat_event_loop_delay_seconds',
      help: 'Event-loop delay (timer lateness) since the previous scrape, by statistic',
      labelNames: ['stat'],
      registers: [registry],
      collect() {
        const window = read();
        STATS.forEach((stat) => this.set({ stat }, window[stat]));
        samples.set(window.samples);
        reset();
      },
    });
    const samples = new Gauge({ name: 'chat_event_loop_delay_samples', help: 'Event-loop delay samples since the previous scrape', registers: [registry] });
  }

  /** The current window, without ending it. */
  read(): EventLoopDelay {
    const delay = (ns: number) => Math.max(0, ns / 1e6 - this.resolutionMs) / 1000;
    const h = this.histogram;
    return { samples: h.count, p50: delay(h.percentile(50)), p99: delay(h.percentile(99)), max: delay(h.max) };
  }

  stop(): void {
    this.histogram.disable();
  }
}
