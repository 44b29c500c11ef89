import { ConfigError } from './config-error';
import { validateEnv } from './env.validation';

function problemsOf(env: Record<string, string>): string[] {
  try {
    validateEnv(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe(validateEnv.name, () => {
  it('reports one line per bad variable, naming it, what it expects and what was given', () => {
    const sut = problemsOf({ PORT: 'abc', DELIVERY_MODE: 'sometimes', PERSIST_BATCH_SIZE: '0' });
    expect(sut.sort()).toEqual([
      'DELIVERY_MODE: expected one of optimistic, durable, got "sometimes"',
      'PERSIST_BATCH_SIZE: expected an integer from 1 to 10000, got "0"',
      'PORT: expected an integer from 0 to 65535, got "abc"',
    ]);
  });

  it('never echoes a secret', () => {
    const [sut] = problemsOf({ JWT_SECRET: 'hunter2-short' });
    expect(sut).toBe('JWT_SECRET: expected a secret of at least 16 characters (required when NODE_ENV=production or REDIS_URL is set), got 13 characters (value not shown)');
  });

  it('says a missing production secret is missing', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^JWT_SECRET: expected .*, got nothing$/)]);
  });

  it('requires JWT_SECRET in cluster mode, where every node verifies every node\'s tokens', () => {
    expect(problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual([expect.stringMatching(/^JWT_SECRET: expected .*REDIS_URL is set\), got nothing$/)]);
    expect(problemsOf({ REDIS_URL: 'http://127.0.0.1:6379', JWT_SECRET: 'x'.repeat(16) })).toEqual(['REDIS_URL: expected a redis:// or rediss:// URL, got "http://127.0.0.1:6379"']);
  });

  it('hides the credentials of a bad MONGODB_URI', () => {
    const [sut] = problemsOf({ MONGODB_URI: 'mysql://admin:p@ss@db.example.com/chat' });
    expect(sut).toBe('MONGODB_URI: expected a mongodb:// or mongodb+srv:// URI, got "mysql://***@db.example.com/chat"');
    expect(sut).not.toContain('admin');
  });

  it('reads an empty variable as unset, so a copied .env.example works', () => {
    const sut = validateEnv({ JWT_EXPIRES_IN: '', JWT_SECRET: '', MONGODB_URI: '' });
    expect([sut.JWT_EXPIRES_IN, sut.JWT_SECRET, sut.MONGODB_URI]).toEqual(['1h', undefined, undefined]);
  });

  it.each(['abc', '0', '-1h', '500ms', '1 fortnight'])('refuses JWT_EXPIRES_IN=%j', (value) => {
    expect(problemsOf({ JWT_EXPIRES_IN: value })).toEqual([expect.stringMatching(/^JWT_EXPIRES_IN: expected a token lifetime .*, got /)]);
  });

  it.each(['3600', '15m', '1h', '7d', '2 days'])('accepts JWT_EXPIRES_IN=%j', (value) => {
    expect(validateEnv({ JWT_EXPIRES_IN: value }).JWT_EXPIRES_IN).toBe(value);
  });

  it.each(['app.example.com', 'https://app.example.com/', 'https://a.example.com,ftp://b.example.com'])('refuses CORS_ORIGINS=%j', (value) => {
    expect(problemsOf({ CORS_ORIGINS: value })).toEqual([expect.stringMatching(/^CORS_ORIGINS: expected a comma-separated list of origins/)]);
  });

  it.each(['*', 'https://app.example.com', 'https://a.example.com, http://localhost:5173'])('accepts CORS_ORIGINS=%j', (value) => {
    expect(validateEnv({ CORS_ORIGINS: value }).CORS_ORIGINS).toBe(value);
  });
});
