import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { badInput, checkDate, sliceSnapshot } from '@verkosto/domain';
import { CSV_DIALECTS, EXPORT_FORMATS, exportSnapshot, type CsvDialect, type ExportFormat } from '@verkosto/exchange';
import type { GraphStore } from '@verkosto/graph';
import type { Response } from 'express';
import type { RequestAccess } from '../auth/access';
import { CurrentAccess } from '../auth/current-access';
import { GRAPH_STORE } from '../common/store.module';
import { graphScope } from '../graph/graph.resolver';

/**
 * GET /api/export?networkId=…&format=graphml|gexf|csv|json&at=YYYY-MM-DD (or from/to; neither =
 * the whole history, with dates kept as intervals). For csv, part=edges (default) or nodes, and
 * dialect=standard (default) or excel-fi.
 */
@Controller('api/export')
export class ExportController {
  constructor(@Inject(GRAPH_STORE) private readonly store: GraphStore) {}

  @Get()
  async export(@Query() query: Record<string, string | undefined>, @Res() response: Response, @CurrentAccess() access: RequestAccess) {
    const format = (query.format ?? 'graphml').toLowerCase() as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw badInput(`Unknown format "${query.format}": use ${EXPORT_FORMATS.join(', ')}.`);
    const part = query.part ?? 'edges';
    if (part !== 'nodes' && part !== 'edges') throw badInput('part is nodes or edges.');
    const dialect = (query.dialect ?? 'standard') as CsvDialect;
    if (!CSV_DIALECTS.includes(dialect)) throw badInput(`Unknown dialect "${query.dialect}": use ${CSV_DIALECTS.join(' or ')}.`);
    const at = checkDate(query.at, 'at');
    const from = checkDate(query.from, 'from');
    const to = checkDate(query.to, 'to');
    const history = await access.visibleSnapshot(await this.store.snapshot(graphScope(query.networkId, query.projectId)));
    const snapshot = sliceSnapshot(history, { start: at ?? from, end: at ?? to });
    const file = exportSnapshot(snapshot, format, part, dialect);
    const name = [
      query.networkId ?? query.projectId,
      at ?? (from || to ? `${from ?? ''}_${to ?? ''}` : 'history'),
      format === 'csv' ? part : null,
      format === 'csv' && dialect !== 'standard' ? dialect : null,
    ]
      .filter(Boolean)
      .join('-')
      .replace(/[^\w.-]+/g, '_');
    response.status(200).type(file.contentType).setHeader('Content-Disposition', `attachment; filename="verkosto-${name}.${file.extension}"`).send(file.body);
  }
}
