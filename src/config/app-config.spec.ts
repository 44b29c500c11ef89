import { AppConfig } from './app-config';
import { ConfigError } from './config-error';

describe(AppConfig.name, () => {
  it('has working defaults and a generated secret outside production', () => {
    const sut = AppConfig.fromEnv({});
    expect(sut).toMatchObject({ port: 3000, sqlitePath: './data/chat.db', deliveryMode: 'optimistic', maxMessageLength: 4000, jwtExpiresIn: 3600, persistBatchSize: 256, persistFlushMs: 5, readReceiptsMaxMembers: 100 });
    expect(sut.jwtSecret).toHaveLength(64);
  });

  it('reads and converts the environment', () => {
    const sut = AppConfig.fromEnv({ PORT: '8080', DELIVERY_MODE: 'durable', JWT_SECRET: 'x'.repeat(32), MAX_MESSAGE_LENGTH: '10', JWT_EXPIRES_IN: '15m', READ_RECEIPTS_MAX_MEMBERS: '0' });
    expect(sut).toMatchObject({ port: 8080, deliveryMode: 'durable', jwtSecret: 'x'.repeat(32), maxMessageLength: 10, jwtExpiresIn: 900, readReceiptsMaxMembers: 0 });
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => AppConfig.fromEnv({ NODE_ENV: 'production' })).toThrow(ConfigError);
  });

  it('allows any origin in development and only same-origin in production, unless CORS_ORIGINS is set', () => {
    const secret = { JWT_SECRET: 'x'.repeat(32) };
    expect(AppConfig.fromEnv({}).corsOrigins).toBe('*');
    expect(AppConfig.fromEnv({ NODE_ENV: 'production', ...secret }).corsOrigins).toEqual([]);
    expect(AppConfig.fromEnv({ NODE_ENV: 'production', ...secret, CORS_ORIGINS: 'https://A.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://a.example.com',
      'http://localhost:5173',
    ]);
    expect(AppConfig.fromEnv({ NODE_ENV: 'production', ...secret, CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
  });
});
