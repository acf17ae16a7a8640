import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { readStatusPublisherConfig } from '../config/status-publisher.config';

/* Test support: the service in the test's process (faster to start than `node dist/…/main.js`). */

export interface InProcessPublisher {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** Starts the app as `main.js serve` does, from an environment (see publisherEnv); port 0 picks one. */
export async function startInProcessPublisher(env: Record<string, string>): Promise<InProcessPublisher> {
  const config = readStatusPublisherConfig(env);
  const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.listen(config.httpPort, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
