import { parseDurationSeconds } from './duration';

describe(parseDurationSeconds.name, () => {
  it.each([
    ['60', 60],
    ['1.5h', 5400],
    ['15m', 900],
    ['1h', 3600],
    ['7d', 604800],
    ['2 days', 172800],
    ['1w', 604800],
    ['1500ms', 1],
    ['10 Seconds', 10],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseDurationSeconds(text)).toBe(seconds);
  });

  it.each(['abc', '', '0', '0.5', '999ms', '-1h', '1h30m', 'h', '1 parsec'])('refuses %j', (text) => {
    expect(parseDurationSeconds(text)).toBeUndefined();
  });
});
