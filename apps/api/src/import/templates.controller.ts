import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { badInput } from '@verkosto/domain';
import { TEMPLATE_KINDS, isImportLang, templateCsv, templateXlsx, type TemplateKind } from '@verkosto/exchange';
import type { Response } from 'express';

/**
 * GET /api/import/templates/<organisations|projects|activities|participations>.<csv|xlsx>[?lang=fi|sv|en]:
 * a template with its headers (Finnish by default) and an example row.
 */
@Controller('api/import/templates')
export class TemplatesController {
  @Get(':file')
  async template(@Param('file') file: string, @Query('lang') lang: string | undefined, @Res() response: Response) {
    const [, kind, extension] = /^([a-z]+)\.(csv|xlsx)$/.exec(file) ?? [];
    if (!TEMPLATE_KINDS.includes(kind as TemplateKind)) {
      throw badInput(`No template "${file}": use ${TEMPLATE_KINDS.map((k) => `${k}.csv or ${k}.xlsx`).join(', ')}.`);
    }
    const language = lang ?? 'fi';
    if (!isImportLang(language)) throw badInput('lang is fi, sv or en.');
    const template = extension === 'csv' ? templateCsv(kind as TemplateKind, language) : await templateXlsx(kind as TemplateKind, language);
    response.status(200).type(template.contentType).setHeader('Content-Disposition', `attachment; filename="${template.fileName}"`).send(template.body);
  }
}
