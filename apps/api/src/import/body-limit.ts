import type { RawBodyRequest } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

/** An importData request: a CSV's text, or an XLSX file of about 9 MB in base64 (a third larger). */
export const IMPORT_BODY_LIMIT = 12 * 1024 * 1024;
/** GraphQL is checked below by operation; a restore streams its file itself (backup.controller.ts). */
const LARGE_BODY_PATHS = ['/graphql', '/api/restore'];

/**
 * Request bodies stay small (`limit`, MAX_REQUEST_SIZE) except for a file import: the JSON parser
 * takes up to IMPORT_BODY_LIMIT on /graphql only, and a body over `limit` is then refused (413) unless its
 * operation consists of importData alone. The app must be created with `rawBody: true` (the size
 * is the raw body's, chunked requests included). Call before the app starts listening.
 */
export function limitRequestBodies(app: NestExpressApplication, limit: number): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit && !LARGE_BODY_PATHS.includes(req.path)) return tooLarge(res, declared, limit);
    next();
  });
  app.useBodyParser('json', { limit: IMPORT_BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit, extended: false });
  app.use((req: RawBodyRequest<Request>, res: Response, next: NextFunction) => {
    const size = req.rawBody?.length ?? 0;
    if (size > limit && !onlyImportData(req.body)) return tooLarge(res, size, limit);
    next();
  });
}

function tooLarge(res: Response, size: number, limit: number) {
  res.status(413).json({
    error: `The request is ${Math.ceil(size / 1024)} KB; only a file import (importData) may be larger than ${Math.floor(limit / 1024)} KB.`,
    code: 'PAYLOAD_TOO_LARGE',
  });
}

/** True for a GraphQL request whose operation selects importData and nothing else. */
export function onlyImportData(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return false;
  try {
    const operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operation = typeof operationName === 'string' ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    if (!operation || operation.operation !== 'mutation') return false;
    const fields = operation.selectionSet.selections;
    return fields.length > 0 && fields.every((f) => f.kind === Kind.FIELD && (f.name.value === 'importData' || f.name.value === '__typename'));
  } catch {
    return false;
  }
}
