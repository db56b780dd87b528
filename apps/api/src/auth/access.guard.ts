import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden } from '@verkosto/domain';
import type { Request } from 'express';
import type { GraphQLResolveInfo } from 'graphql';
import { HTTP_RULES, ruleFor, type Rule } from './rules';
import { accessOf } from './auth.middleware';

/**
 * Default deny: every query, mutation and HTTP endpoint runs only when its rule in rules.ts lets
 * the caller. An operation without a rule is refused (and logged), whoever asks.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  async canActivate(context: ExecutionContext): Promise<boolean> {
    let rule: Rule | undefined;
    let name: string;
    let request: Request;
    let args: Record<string, unknown>;
    if (context.getType<string>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo<GraphQLResolveInfo>();
      // Field resolvers run under their root operation's rule; only roots are guarded.
      if (!['Query', 'Mutation', 'Subscription'].includes(info.parentType.name)) return true;
      name = `${info.parentType.name}.${info.fieldName}`;
      rule = ruleFor(info.parentType.name, info.fieldName);
      request = gql.getContext<{ req: Request }>().req;
      args = gql.getArgs();
    } else {
      request = context.switchToHttp().getRequest<Request>();
      name = `${request.method} ${request.route?.path ?? request.path}`;
      rule = HTTP_RULES[name];
      args = { ...(request.query as Record<string, unknown>) };
    }
    if (!rule) {
      this.logger.error(`${name} has no access rule in apps/api/src/auth/rules.ts; it is refused.`);
      throw forbidden(`${name} has no access rule yet, so nobody may use it.`);
    }
    const access = accessOf(request);
    if (rule.audience !== 'anyone') access.requireSignedIn();
    await rule.check(access, args);
    return true;
  }
}
