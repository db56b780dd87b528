import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

export interface QueryLimits {
  /** Deepest nesting of fields, e.g. `organisation { participations { organisation { … } } }`. */
  maxDepth: number;
  /** Largest estimated number of fields resolved (see `cost`). */
  maxCost: number;
}

export const QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 100_000 };

/** Items a list is taken to hold when no `first`/`limit` says (a participant list, a vocabulary). */
const ASSUMED_LIST_SIZE = 10;
/** A `first`/`limit` given as a variable is taken at the largest page the API serves. */
const VARIABLE_PAGE_SIZE = 200;

/**
 * Validation rules that refuse a query before it runs when it nests too deep or would resolve too
 * many fields. Cost: each field counts 1, and what is under a list counts once per item, the item
 * count being the `first`/`limit` argument of the list or of the connection above it. Introspection
 * fields (`__schema`, `__type`) are not counted; production turns introspection off. Clients see
 * the refusal as GRAPHQL_VALIDATION_FAILED, like any query that does not fit the schema.
 */
export function queryLimitRules(limits: QueryLimits = QUERY_LIMITS) {
  return [(context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      const root =
        operation.operation === 'mutation' ? context.getSchema().getMutationType() : operation.operation === 'subscription' ? context.getSchema().getSubscriptionType() : context.getSchema().getQueryType();
      if (!root) return;
      const measure = new Measure(context);
      const { depth, cost } = measure.selectionSet(operation.selectionSet, root, null, new Set());
      const name = operation.name ? ` ${operation.name.value}` : '';
      if (depth > limits.maxDepth) {
        context.reportError(new GraphQLError(`The query${name} nests ${depth} levels deep; at most ${limits.maxDepth} are allowed.`, {
          nodes: [operation],
        }));
      }
      if (cost > limits.maxCost) {
        context.reportError(new GraphQLError(
          `The query${name} asks for about ${Math.round(cost)} fields; at most ${limits.maxCost} are allowed. Ask for smaller pages or fewer nested lists.`,
          { nodes: [operation] },
        ));
      }
    },
  })];
}

class Measure {
  constructor(private readonly context: ValidationContext) {}

  /** Depth and cost of a selection set on `type`; `page` is a connection's `first` passed down to its list. */
  selectionSet(set: SelectionSetNode, type: GraphQLNamedType, page: number | null, fragments: Set<string>): { depth: number; cost: number } {
    let depth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      let part: { depth: number; cost: number };
      if (selection.kind === Kind.FIELD) {
        part = this.field(selection, type, page, fragments);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? this.context.getSchema().getType(selection.typeCondition.name.value) : type;
        part = this.selectionSet(selection.selectionSet, on ?? type, page, fragments);
      } else {
        const fragment = this.context.getFragment(selection.name.value);
        // A fragment cycle is reported by the standard rules; here it simply stops.
        if (!fragment || fragments.has(selection.name.value)) continue;
        const on = this.context.getSchema().getType(fragment.typeCondition.name.value) ?? type;
        part = this.selectionSet(fragment.selectionSet, on, page, new Set([...fragments, selection.name.value]));
      }
      depth = Math.max(depth, part.depth);
      cost += part.cost;
    }
    return { depth, cost };
  }

  private field(node: FieldNode, parent: GraphQLNamedType, page: number | null, fragments: Set<string>) {
    if (node.name.value.startsWith('__')) return { depth: 0, cost: 0 };
    const definition = isObjectType(parent) || isInterfaceType(parent) ? (parent.getFields()[node.name.value] as GraphQLField<unknown, unknown> | undefined) : undefined;
    if (!definition) return { depth: 1, cost: 1 };
    const size = pageSize(node);
    const list = isListType(getNullableType(definition.type));
    const times = list ? (size ?? page ?? ASSUMED_LIST_SIZE) : 1;
    if (!node.selectionSet) return { depth: 1, cost: 1 };
    // A connection's `first` sizes the list inside it (`nodes`), not the connection itself.
    const inner = this.selectionSet(node.selectionSet, getNamedType(definition.type), list ? null : size, fragments);
    return { depth: 1 + inner.depth, cost: 1 + times * inner.cost };
  }
}

function pageSize(node: FieldNode): number | null {
  const arg = node.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'limit');
  return arg ? sizeOf(arg.value) : null;
}

function sizeOf(value: ValueNode): number {
  if (value.kind === Kind.INT) return Math.max(0, Number(value.value));
  return VARIABLE_PAGE_SIZE;
}
