import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ActivityResolver } from './activities/activity.resolver';
import { AnalyticsResolver } from './analytics/analytics.resolver';
import { AuthModule } from './auth/auth.module';
import { RefusalsInterceptor } from './auth/refusals.interceptor';
import { BackupController } from './backup/backup.controller';
import { IsoDateScalar } from './common/date.scalar';
import { ErrorFilter } from './common/error.filter';
import { DeletionResolver } from './deletion/deletion.resolver';
import { MAX_QUERY_TOKENS, queryLimitRules } from './common/query-limits';
import { APP_CONFIG, type AppConfig } from './config';
import { stringifyWithin } from './limits/response-size';
import { ExportController } from './export/export.controller';
import { StoreModule } from './common/store.module';
import { GraphResolver } from './graph/graph.resolver';
import { HealthController } from './health/health.controller';
import { HistoryResolver } from './history/history.resolver';
import { ImportModule } from './import/import.module';
import { NetworkResolver } from './networks/network.resolver';
import { OrganisationResolver } from './organisations/organisation.resolver';
import { ParticipationResolver } from './participations/participation.resolver';
import { PartnersResolver } from './partners/partners.resolver';
import { OrganisationPeopleResolver, PersonResolver } from './persons/person.resolver';
import { ProjectResolver } from './projects/project.resolver';
import { ReferenceResolver } from './reference/reference.resolver';
import { WebModule } from './web/web.module';

const production = process.env.NODE_ENV === 'production';

@Module({
  imports: [
    StoreModule,
    AuthModule,
    WebModule,
    ImportModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        autoSchemaFile: true,
        sortSchema: true,
        path: '/graphql',
        introspection: !production,
        includeStacktraceInErrorResponses: !production,
        // No "did you mean" field names either: the committed schema.graphql is the public contract.
        hideSchemaDetailsFromClientErrors: production,
        // Parsing stops early and validation stays linear (the standard rules compare repeated fields pairwise).
        parseOptions: { maxTokens: MAX_QUERY_TOKENS },
        validationRules: queryLimitRules(),
        stringifyResult: stringifyWithin(config.maxResponseBytes),
        // No cache hints are set anywhere, and the plugin wraps the resolution of every field.
        plugins: [ApolloServerPluginCacheControlDisabled()],
      }),
    }),
  ],
  controllers: [HealthController, ExportController, BackupController],
  providers: [
    { provide: APP_FILTER, useClass: ErrorFilter },
    { provide: APP_INTERCEPTOR, useClass: RefusalsInterceptor },
    IsoDateScalar,
    OrganisationResolver,
    ProjectResolver,
    ActivityResolver,
    NetworkResolver,
    ParticipationResolver,
    DeletionResolver,
    GraphResolver,
    ReferenceResolver,
    AnalyticsResolver,
    PartnersResolver,
    HistoryResolver,
    PersonResolver,
    OrganisationPeopleResolver,
  ],
})
export class AppModule {}
