// The server's event-loop delay (timer lateness, ms) from its /metrics; each read ends the
// server's current window and starts the next, so read once before what is measured.
async function eventLoopDelay(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const value = (series) => Number(new RegExp(`^${series.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
  const stat = (s) => value(`chat_event_loop_delay_seconds{stat="${s}"}`) * 1000;
  return { samples: value('chat_event_loop_delay_samples'), p50: stat('p50'), p99: stat('p99'), max: stat('max') };
}

module.exports = { eventLoopDelay };
