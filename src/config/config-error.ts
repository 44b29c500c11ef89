import { ValidationError } from 'class-validator';

/** Variables whose value must never reach a terminal or a log, not even when it is wrong. */
const SECRETS = new Set(['JWT_SECRET']);
const WITH_CREDENTIALS = new Set(['MONGODB_URI', 'REDIS_URL']);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.join('\n')}`);
  }

  /** One line per bad variable: its name, what it expects, and what was given (secrets masked). */
  static fromValidation(errors: ValidationError[], given: Record<string, string | undefined>): ConfigError {
    return new ConfigError(
      errors.map((e) => {
        const expected = [...new Set(Object.values(e.constraints ?? {}))].join(', ');
        return `${e.property}: expected ${expected}, got ${describeGiven(e.property, given[e.property])}`;
      }),
    );
  }
}

function describeGiven(name: string, value: string | undefined): string {
  if (value === undefined) return 'nothing';
  if (SECRETS.has(name)) return `${value.length} characters (value not shown)`;
  // Everything up to the last '@' may hold a user name and password.
  if (WITH_CREDENTIALS.has(name)) return JSON.stringify(value.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/i, '$1***@'));
  return JSON.stringify(value);
}
