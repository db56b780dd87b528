import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@verkosto/domain';
import { actorOf, type ActorContext } from './actor';

/** The actor of the request, as a resolver parameter: `@CurrentActor() actor: Actor`. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => actorOf(GqlExecutionContext.create(context).getContext<ActorContext>()));
