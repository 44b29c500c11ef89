import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { join } from 'node:path';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppValidationPipe } from './common/errors/validation';
import { documentCommonErrors } from './common/http/common-api-errors';
import { applyConnectionTimeouts } from './common/http/connection-timeouts';
import { CorsPolicy } from './common/http/cors-policy';
import { HttpExceptionFilter } from './common/http/http-exception.filter';
import { RedisClients } from './cluster/redis-clients';
import { ChatIoAdapter } from './common/ws/chat-io.adapter';
import { AppConfig } from './config/app-config';

/** Everything main.ts sets up on the app besides listening, shared with the e2e tests. */
export function configureApp(app: INestApplication, config: AppConfig): INestApplication {
  // Cluster mode: Socket.IO's broadcasts and room operations reach every node through Redis.
  const fanout = config.redisUrl ? app.get(RedisClients).socketIoAdapter() : undefined;
  app.useWebSocketAdapter(new ChatIoAdapter(app, config, fanout));
  app.useGlobalPipes(new AppValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableCors(new CorsPolicy(config.corsOrigins).forRest());
  const express = app.getHttpAdapter().getInstance() as { set(key: string, value: unknown): void; disable(key: string): void };
  express.set('trust proxy', config.trustProxyHops);
  express.disable('x-powered-by');
  // helmet's defaults: Swagger UI and the web app load only their own scripts and connect only to
  // this origin ('self' covers its ws:/wss: too); no upgrade-insecure-requests, so the docs and the
  // app work over plain http on a developer's machine.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // The web app (built by `npm run build` into public/, beside dist/ and src/) at `/`; API routes are untouched.
  (app as NestExpressApplication).useStaticAssets(join(__dirname, '..', 'public'), { index: 'index.html', fallthrough: true });
  applyConnectionTimeouts(app.getHttpServer(), config.http);
  if (config.docsEnabled) setUpDocs(app);
  return app;
}

function setUpDocs(app: INestApplication): void {
  const doc = new DocumentBuilder()
    .setTitle('Chat backend')
    .setDescription('REST side of the realtime chat backend; the Socket.IO protocol is described in the README.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => documentCommonErrors(SwaggerModule.createDocument(app, doc)), { jsonDocumentUrl: 'docs-json' });
}
