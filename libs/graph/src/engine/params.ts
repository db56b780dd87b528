import type { CypherValue, Params } from './cypher-engine';

const PARAM = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Names of the parameters a query text references. */
export function referencedParams(query: string): string[] {
  return [...new Set([...query.matchAll(PARAM)].map((m) => m[1]))];
}

/**
 * The one parameter normaliser both engines use (ENGINES.md §6):
 * only referenced parameters are sent (H9) and missing ones become null (Neo4j errors otherwise);
 * rows of a list get identical keys in identical order (H1, H2); a Date is refused (H5);
 * an empty list is refused unless the query casts it (H4).
 */
export function normaliseParams(query: string, params: Params = {}): Record<string, CypherValue> {
  const out: Record<string, CypherValue> = {};
  for (const name of referencedParams(query)) {
    const value = params[name];
    out[name] = value === undefined ? null : normaliseValue(name, value);
  }
  return out;
}

function normaliseValue(name: string, value: CypherValue): CypherValue {
  if ((value as unknown) instanceof Date) {
    throw new TypeError(`Parameter $${name}: send dates as ISO strings inside date(), not Date objects.`);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`Parameter $${name}: ${value} is not a finite number.`);
  }
  if (!Array.isArray(value)) return value;
  if (value.length > 0 && value.every(isRecord)) return alignRows(value as Record<string, CypherValue>[]);
  return value;
}

function isRecord(value: CypherValue): value is { [key: string]: CypherValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function alignRows(rows: Record<string, CypherValue>[]): Record<string, CypherValue>[] {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))].sort();
  return rows.map((row) => Object.fromEntries(keys.map((k) => [k, row[k] === undefined ? null : row[k]])));
}
