import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { AppConfig } from '../../src/config/app-config';

export const TEST_SECRET = 'e2e-test-secret-0123456789';

export interface TestApp {
  app: INestApplication;
  url: string;
  config: AppConfig;
  sqlitePath: string;
}

export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'chat-test-')), 'chat.db');
}

/** The real application on a random port, on a fresh (or given) SQLite file. */
export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const sqlitePath = env.SQLITE_PATH ?? tempDbPath();
  const config = AppConfig.fromEnv({ JWT_SECRET: TEST_SECRET, RATE_LIMIT_BURST: '1000', RATE_LIMIT_PER_SEC: '1000', AUTH_RATE_LIMIT_PER_MIN: '100000', EVENT_BUDGET_PER_SEC: '100000', EVENT_BUDGET_BURST: '100000', ...env, SQLITE_PATH: sqlitePath });
  const app = configureApp(await NestFactory.create(AppModule.forRoot(config), { logger: ['error', 'warn'] }), config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, config, sqlitePath };
}
