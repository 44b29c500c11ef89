import { AppConfig } from './app-config';
import { ConfigError } from './env.validation';

describe(AppConfig.name, () => {
  it('has working defaults and a generated secret outside production', () => {
    const sut = AppConfig.fromEnv({});
    expect(sut).toMatchObject({ port: 3000, sqlitePath: './data/chat.db', deliveryMode: 'optimistic', maxMessageLength: 4000, jwtExpiresIn: '1h', persistBatchSize: 256, persistFlushMs: 5 });
    expect(sut.jwtSecret).toHaveLength(64);
  });

  it('reads and converts the environment', () => {
    const sut = AppConfig.fromEnv({ PORT: '8080', DELIVERY_MODE: 'durable', JWT_SECRET: 'x'.repeat(32), MAX_MESSAGE_LENGTH: '10' });
    expect(sut).toMatchObject({ port: 8080, deliveryMode: 'durable', jwtSecret: 'x'.repeat(32), maxMessageLength: 10 });
  });

  it('requires JWT_SECRET in production', () => {
    expect(() => AppConfig.fromEnv({ NODE_ENV: 'production' })).toThrow(ConfigError);
  });

  it('reports one line per bad variable', () => {
    try {
      AppConfig.fromEnv({ PORT: 'eighty', DELIVERY_MODE: 'sometimes', PERSIST_BATCH_SIZE: '0' });
      throw new Error('expected ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.map((p) => p.split('=')[0]).sort()).toEqual(['DELIVERY_MODE', 'PERSIST_BATCH_SIZE', 'PORT']);
    }
  });
});
