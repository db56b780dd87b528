import { Module } from '@nestjs/common';
import { ImportResolver } from './import.resolver';
import { ImportService } from './import.service';
import { TemplatesController } from './templates.controller';

/** File import: the importData mutation, import progress, and the downloadable templates. */
@Module({
  controllers: [TemplatesController],
  providers: [ImportService, ImportResolver],
})
export class ImportModule {}
