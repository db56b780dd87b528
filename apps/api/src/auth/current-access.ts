import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { accessOf } from './auth.middleware';

/** The caller's RequestAccess, in a resolver or a controller. */
export const CurrentAccess = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const req = context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getContext<{ req: Request }>().req : context.switchToHttp().getRequest<Request>();
  return accessOf(req);
});

/** The Express request, for resolvers that set or clear cookies. */
export const CurrentRequest = createParamDecorator((_data: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<{ req: Request }>().req);
