import { Logger, Module, type MiddlewareConsumer, type NestModule, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD, ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AccessGuard } from './access.guard';
import { AccountResolver, MembershipResolver } from './account.resolver';
import { AuthMiddleware } from './auth.middleware';
import { AuthService } from './auth.service';
import { ruleFor } from './rules';

/** Accounts, sign-in, and the guard every operation passes (rules.ts). */
@Module({
  providers: [AuthService, AccountResolver, MembershipResolver, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AuthModule implements NestModule, OnApplicationBootstrap {
  constructor(private readonly modules: ModuleRef) {}

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(AuthMiddleware).forRoutes('{*path}');
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
