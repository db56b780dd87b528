import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { badInput } from '@verkosto/domain';
import type { GraphStore, RestoreReport } from '@verkosto/graph';
import type { Request, Response } from 'express';
import { SetupCode } from '../auth/setup-code';
import { GRAPH_STORE } from '../common/store.module';

/** The largest backup file a restore reads over HTTP; bigger ones go through `npm run restore`. */
const MAX_RESTORE_BYTES = 1024 * 1024 * 1024;

/** The header that carries the set-up code when a Verkosto without accounts is restored from another machine. */
const SETUP_CODE_HEADER = 'x-setup-code';

/**
 * GET /api/backup: the whole database as one file (libs/graph/src/backup.ts), signed with the
 * instance's backup key.
 * POST /api/restore[?replace=true][&trustUnsigned=true]: that file as the request body (Content-Type
 * application/x-ndjson or application/octet-stream); only into an empty database unless replace;
 * only a file this instance signed unless trustUnsigned. While there are no accounts, from another
 * machine only with the set-up code in the X-Setup-Code header.
 */
@Controller('api')
export class BackupController {
  constructor(
    @Inject(GRAPH_STORE) private readonly store: GraphStore,
    private readonly setup: SetupCode,
  ) {}

  @Get('backup')
  async backup(@Res() response: Response) {
    const file = await this.store.backup();
    response
      .status(200)
      .type('application/x-ndjson; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="verkosto-backup-${new Date().toISOString().slice(0, 10)}.jsonl"`)
      .send(file);
  }

  @Post('restore')
  @HttpCode(200)
  async restore(@Req() request: Request, @Query('replace') replace?: string, @Query('trustUnsigned') trustUnsigned?: string): Promise<RestoreReport> {
    const settingUp = await this.setup.settingUp();
    if (settingUp) this.setup.check(request, request.header(SETUP_CODE_HEADER));
    const report = await this.store.restore(await readBody(request), { replace: flag('replace', replace), trustUnsigned: flag('trustUnsigned', trustUnsigned) });
    if (settingUp) await this.setup.spend();
    return report;
  }
}

function flag(name: string, value: string | undefined): boolean {
  if (value !== undefined && value !== 'true' && value !== 'false') throw badInput(`${name} is true or false.`);
  return value === 'true';
}

/** The raw request body as text; a body a form or JSON parser already consumed cannot be a backup. */
async function readBody(request: Request): Promise<string> {
  if (request.readableEnded || (request.body && typeof request.body === 'object' && Object.keys(request.body as object).length > 0)) {
    throw badInput('Send the backup file itself as the request body, with Content-Type application/x-ndjson (curl --data-binary @FILE -H "Content-Type: application/x-ndjson").');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_RESTORE_BYTES) throw badInput('The file is larger than 1 GiB: restore it with npm run restore -- FILE instead.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
