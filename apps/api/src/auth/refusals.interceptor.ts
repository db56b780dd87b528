import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { conflict, DomainError } from '@verkosto/domain';
import type { Request } from 'express';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { accessOf } from './auth.middleware';

/** What a duplicate the caller may not read is, said without its id or name, by the field it clashes on. */
const HIDDEN_DUPLICATE: Record<string, string> = {
  businessId: 'An organisation with this business ID already exists in a network you are not a member of.',
  name: 'An organisation with the same name already exists in a network you are not a member of.',
  code: 'This project code is already used by a project in a network you are not a member of.',
};

/**
 * Refusals name nothing the caller may not read (issue 12): a CONFLICT about an existing item
 * hidden from the caller keeps its field and loses the item's id and name.
 */
@Injectable()
export class RefusalsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getContext<{ req: Request }>().req : context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(catchError((error: unknown) => from(this.redacted(error, request)).pipe(mergeMap((e) => throwError(() => e)))));
  }

  private async redacted(error: unknown, request: Request): Promise<unknown> {
    const existingId = error instanceof DomainError ? error.details.existingId : undefined;
    if (!(error instanceof DomainError) || typeof existingId !== 'string') return error;
    if (!(await accessOf(request).hiddenIds()).has(existingId)) return error;
    const field = String(error.details.field ?? '');
    return conflict(HIDDEN_DUPLICATE[field] ?? 'This already exists in a network you are not a member of.', { field, existingHidden: true });
  }
}
