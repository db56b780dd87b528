import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { secure } from './common/security';
import { loadConfig } from './config';
import { limitRequestBodies } from './import/body-limit';

async function bootstrap() {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: ['log', 'warn', 'error'], rawBody: true });
  app.enableShutdownHooks();
  secure(app, config);
  limitRequestBodies(app, config.maxRequestBytes);
  await app.listen(config.port);
  Logger.log(`Verkosto is ready at http://localhost:${config.port}/ (GraphQL at /graphql)`, 'Verkosto');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
