import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from '@verkosto/domain';
import { DuplicateKeyError } from '@verkosto/graph';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';

/**
 * The one place errors become client errors: domain errors keep their code and message, database
 * and programming errors are logged and answered in words that leak no driver text or stack.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost) {
    const error = this.toGraphQLError(exception);
    if (host.getType<string>() !== 'graphql') {
      const status =
        {
          BAD_USER_INPUT: 400,
          BACKUP_TAMPERED: 400,
          BACKUP_UNVERIFIED: 400,
          UNAUTHENTICATED: 401,
          FORBIDDEN: 403,
          SETUP_CODE_REQUIRED: 403,
          NOT_FOUND: 404,
          CONFLICT: 409,
          TOO_MANY_REQUESTS: 429,
        }[String(error.extensions.code)] ?? 500;
      const httpStatus = exception instanceof HttpException ? exception.getStatus() : status;
      // Details (such as a restore's list of problems) travel with the message, as in GraphQL.
      host
        .switchToHttp()
        .getResponse<Response>()
        .status(httpStatus)
        .json({ error: error.message, ...error.extensions });
      return;
    }
    return error;
  }

  private toGraphQLError(exception: unknown): GraphQLError {
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof DomainError) {
      return new GraphQLError(exception.message, { extensions: { code: exception.code, ...exception.details } });
    }
    if (exception instanceof DuplicateKeyError) {
      return new GraphQLError('That item already exists.', { extensions: { code: 'CONFLICT' } });
    }
    if (exception instanceof HttpException) {
      return new GraphQLError(exception.message, { extensions: { code: exception.getStatus() === 404 ? 'NOT_FOUND' : 'BAD_REQUEST' } });
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return new GraphQLError('Something went wrong on the server; nothing was changed. Please try again.', {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }
}
