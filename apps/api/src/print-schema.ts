import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from './app.module';

/** Prints the schema the code produces; `npm run schema` writes it to schema.graphql. */
async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'verkosto-schema-'));
  Object.assign(process.env, { DATA_DIR: dataDir, DEMO_DATA: 'false' });
  const app = await NestFactory.create(AppModule, { logger: false });
  await app.init();
  const { schema } = app.get(GraphQLSchemaHost);
  process.stdout.write(printSchema(lexicographicSortSchema(schema)) + '\n');
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}

void main();
