import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AddressInfo } from 'node:net';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { AppConfig } from './config/app-config';
import { ConfigError } from './config/env.validation';
import { checkMongoReachable } from './persistence/mongo/mongo-connection';

function loadConfig(): AppConfig {
  try {
    return AppConfig.fromEnv(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    for (const problem of err.problems) process.stderr.write(`Invalid environment variable ${problem}\n`);
    process.exit(1);
  }
}

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (config.mongodbUri) {
    await checkMongoReachable(config.mongodbUri).catch((err: Error) => {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    });
  }
  const app = configureApp(await NestFactory.create(AppModule.forRoot(config)), config);
  // SIGTERM/SIGINT: stop accepting, flush the write-behind buffer, confirm, close the store.
  app.enableShutdownHooks();
  await app.listen(config.port);
  const { port } = app.getHttpServer().address() as AddressInfo;
  new Logger('Bootstrap').log(`Chat server listening on port ${port} (docs at /docs)`);
}

void bootstrap();
