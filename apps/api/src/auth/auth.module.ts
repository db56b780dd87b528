import { Logger, Module, type MiddlewareConsumer, type NestModule, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AccessGuard } from './access.guard';
import { AccountResolver, MembershipResolver } from './account.resolver';
import { AuthMiddleware } from './auth.middleware';
import { AuthService } from './auth.service';
import { RequestLimitMiddleware } from '../limits/request-limit.middleware';
import { ruleFor } from './rules';
import { SetupCode } from './setup-code';

/** Accounts, sign-in, and the guard every operation passes (rules.ts). */
@Module({
  providers: [AuthService, SetupCode, AccountResolver, MembershipResolver, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [SetupCode],
})
export class AuthModule implements NestModule, OnApplicationBootstrap {
  constructor(private readonly modules: ModuleRef) {}

  configure(consumer: MiddlewareConsumer) {
    // Request limits count per account, so they run once the caller is known.
    consumer.apply(AuthMiddleware, RequestLimitMiddleware).forRoutes('{*path}');
  }

  /** Says at start which operations nobody can use for want of a rule (the guard refuses them). */
  onApplicationBootstrap() {
    const { schema } = this.modules.get(GraphQLSchemaHost, { strict: false });
    for (const type of [schema.getQueryType(), schema.getMutationType()]) {
      for (const field of Object.keys(type?.getFields() ?? {})) {
        if (!ruleFor(type!.name, field)) {
          Logger.error(`${type!.name}.${field} has no access rule in apps/api/src/auth/rules.ts: every call is refused.`, 'Access');
        }
      }
    }
  }
}
