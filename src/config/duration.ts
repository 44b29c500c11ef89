const SECOND = 1;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// The units of vercel/ms, which jsonwebtoken uses to read a string `expiresIn`.
const UNITS: Array<[RegExp, number]> = [
  [/^(milliseconds?|msecs?|ms)$/, SECOND / 1000],
  [/^(seconds?|secs?|s)$/, SECOND],
  [/^(minutes?|mins?|m)$/, MINUTE],
  [/^(hours?|hrs?|h)$/, HOUR],
  [/^(days?|d)$/, DAY],
  [/^(weeks?|w)$/, 7 * DAY],
  [/^(years?|yrs?|y)$/, 365.25 * DAY],
];

/**
 * A token lifetime in whole seconds: a bare number is seconds, otherwise a vercel/ms duration
 * such as `15m`, `1h` or `7d`. Undefined when the text is neither or is under one second.
 * Converting here matters: jsonwebtoken reads the string "60" as 60 milliseconds.
 */
export function parseDurationSeconds(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?|\.\d+) *([a-z]*)$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = match[2].toLowerCase();
  const factor = unit === '' ? SECOND : UNITS.find(([pattern]) => pattern.test(unit))?.[1];
  if (factor === undefined) return undefined;
  const seconds = Math.floor(Number(match[1]) * factor);
  return seconds >= 1 && Number.isSafeInteger(seconds) ? seconds : undefined;
}
