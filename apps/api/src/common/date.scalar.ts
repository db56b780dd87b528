import { CustomScalar, Scalar } from '@nestjs/graphql';
import { isIsoDate } from '@verkosto/domain';
import { GraphQLError, Kind, type ValueNode } from 'graphql';

/** A calendar date written YYYY-MM-DD; a bad one is refused before any resolver runs. */
@Scalar('Date', () => IsoDateScalar)
export class IsoDateScalar implements CustomScalar<string, string> {
  description = 'A calendar date, YYYY-MM-DD.';

  parseValue(value: unknown): string {
    return checked(value);
  }

  serialize(value: unknown): string {
    return String(value);
  }

  parseLiteral(ast: ValueNode): string {
    return checked(ast.kind === Kind.STRING ? ast.value : undefined);
  }
}

function checked(value: unknown): string {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw new GraphQLError(`"${String(value)}" is not a date: write it as YYYY-MM-DD.`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}
