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
  /** Top-level fields of one operation, each alias and each repeat counted (the web app asks for at most 3). */
  maxRootFields: number;
  /** Aliased fields in one operation, at any depth: `a1: municipalities a2: municipalities …`. */
  maxAliases: number;
}

export const QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 100_000, maxRootFields: 20, maxAliases: 30 };

/** Tokens of one query document; the web app's largest has about 200, the alias flood of the issue 15,000. */
export const MAX_QUERY_TOKENS = 2_000;

/** Lists whose size is known without a `first`/`limit`: the reference tables, a map's nodes and ties (a large network's). */
const LIST_SIZES: Record<string, number> = {
  'Query.municipalities': 320,
  'Query.regions': 20,
  'NetworkGraph.nodes': 1_000,
  'NetworkGraph.edges': 2_000,
};

/** What a field computes beyond its own fields (an analysis of a whole network), in fields. */
const FIELD_COSTS: Record<string, number> = {
  'Query.networkGraph': 1_000,
  'Query.networkMetrics': 1_000,
  'Query.partnershipMeasures': 1_000,
  'Query.growth': 1_000,
  'Query.rooting': 1_000,
  'Query.rootingMilestones': 4_000,
  'Query.partnerSuggestions': 1_000,
  'Query.introductionPaths': 1_000,
};

/** Items a list is taken to hold when no `first`/`limit` says (a participant list, a vocabulary). */
const ASSUMED_LIST_SIZE = 10;
/** A `first`/`limit` given as a variable is taken at the largest page the API serves. */
const VARIABLE_PAGE_SIZE = 200;

/**
 * Validation rules that refuse a query before it runs when it nests too deep, would resolve too
 * many fields, or repeats fields at the top or under aliases. Cost: each field counts 1 (an
 * analysis more, FIELD_COSTS), each repeat and alias again, and what is under a list counts once
 * per item, the item count being the `first`/`limit` argument of the list or of the connection
 * above it, else its known size (LIST_SIZES), else ASSUMED_LIST_SIZE. Introspection
 * fields (`__schema`, `__type`) are not counted; production turns introspection off. Clients see
 * the refusal as GRAPHQL_VALIDATION_FAILED, like any query that does not fit the schema.
 */
export function queryLimitRules(limits: QueryLimits = QUERY_LIMITS) {
  return [
    (context: ValidationContext): ASTVisitor => ({
      OperationDefinition(operation) {
        const root =
          operation.operation === 'mutation'
            ? context.getSchema().getMutationType()
            : operation.operation === 'subscription'
              ? context.getSchema().getSubscriptionType()
              : context.getSchema().getQueryType();
        if (!root) return;
        const measure = new Measure(context);
        const { depth, cost } = measure.selectionSet(operation.selectionSet, root, null, new Set());
        const name = operation.name ? ` ${operation.name.value}` : '';
        const rootFields = measure.rootFields(operation.selectionSet, new Set());
        if (rootFields > limits.maxRootFields) {
          context.reportError(
            new GraphQLError(`The query${name} asks for ${rootFields} top-level fields; at most ${limits.maxRootFields} are allowed.`, {
              nodes: [operation],
            }),
          );
        }
        if (measure.aliases > limits.maxAliases) {
          context.reportError(
            new GraphQLError(`The query${name} has ${measure.aliases} aliased fields; at most ${limits.maxAliases} are allowed.`, {
              nodes: [operation],
            }),
          );
        }
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`The query${name} nests ${depth} levels deep; at most ${limits.maxDepth} are allowed.`, {
              nodes: [operation],
            }),
          );
        }
        if (cost > limits.maxCost) {
          context.reportError(
            new GraphQLError(`The query${name} asks for about ${Math.round(cost)} fields; at most ${limits.maxCost} are allowed. Ask for smaller pages or fewer nested lists.`, {
              nodes: [operation],
            }),
          );
        }
      },
    }),
  ];
}

class Measure {
  /** Aliased fields met by `selectionSet`, each time it meets one (a fragment spread twice counts twice). */
  aliases = 0;

  constructor(private readonly context: ValidationContext) {}

  /** Fields at the top of the operation, through fragments, repeats and aliases included. */
  rootFields(set: SelectionSetNode, fragments: Set<string>): number {
    let count = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) count += selection.name.value.startsWith('__') ? 0 : 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) count += this.rootFields(selection.selectionSet, fragments);
      else if (!fragments.has(selection.name.value)) {
        const fragment = this.context.getFragment(selection.name.value);
        if (fragment) count += this.rootFields(fragment.selectionSet, new Set([...fragments, selection.name.value]));
      }
    }
    return count;
  }

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
    if (node.alias && node.alias.value !== node.name.value) this.aliases++;
    const definition = isObjectType(parent) || isInterfaceType(parent) ? (parent.getFields()[node.name.value] as GraphQLField<unknown, unknown> | undefined) : undefined;
    if (!definition) return { depth: 1, cost: 1 };
    const coordinate = `${parent.name}.${node.name.value}`;
    const own = 1 + (FIELD_COSTS[coordinate] ?? 0);
    const size = pageSize(node);
    const list = isListType(getNullableType(definition.type));
    const times = list ? (size ?? page ?? LIST_SIZES[coordinate] ?? ASSUMED_LIST_SIZE) : 1;
    if (!node.selectionSet) return { depth: 1, cost: own };
    // A connection's `first` sizes the list inside it (`nodes`), not the connection itself.
    const inner = this.selectionSet(node.selectionSet, getNamedType(definition.type), list ? null : size, fragments);
    return { depth: 1 + inner.depth, cost: own + times * inner.cost };
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
