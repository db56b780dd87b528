import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@verkosto/domain';
import type { RequestAccess } from '../auth/access';
import { CurrentAccess } from '../auth/current-access';
import { CurrentActor } from '../common/current-actor.decorator';
import { ImportInput, ImportJob, ImportReport } from './import.model';
import { ImportService } from './import.service';

@Resolver()
export class ImportResolver {
  constructor(private readonly imports: ImportService) {}

  @Mutation(() => ImportReport, {
    description:
      'Imports a CSV or XLSX file (the templates at /api/import/templates, or the structural-fund list) in one transaction: ' +
      'all of it, or nothing. With dryRun it only reports, row by row, what would be created, updated, merged or rejected and why.',
  })
  importData(@Args('input') input: ImportInput, @CurrentActor() actor: Actor, @CurrentAccess() access: RequestAccess) {
    return this.imports.run(input, actor, access);
  }

  @Query(() => ImportJob, { nullable: true, description: 'Progress of an import started with this jobId (kept 10 minutes after it ends).' })
  importJob(@Args('id', { type: () => ID }) id: string) {
    return this.imports.job(id);
  }
}
