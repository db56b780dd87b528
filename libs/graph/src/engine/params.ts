import type { Value, Params } from './engine';

const PARAM = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Names of the parameters a query text references. */
export function referencedParams(query: string): string[] {
  return [...new Set([...query.matchAll(PARAM)].map((m) => m[1]))];
}

/**
 * The one parameter normaliser both engines use: only referenced parameters are sent, and missing
 * ones become null (Neo4j errors on a missing one, SQLite on an unbound one); a Date anywhere is
 * refused (send dates as ISO text); so is a number that is not finite.
 */
export function normaliseParams(query: string, params: Params = {}): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const name of referencedParams(query)) {
    const value = params[name];
    out[name] = value === undefined ? null : normaliseValue(name, value);
  }
  return out;
}

function normaliseValue(name: string, value: Value): Value {
  if (value === undefined || value === null) return null;
  if (Object.prototype.toString.call(value) === '[object Date]') {
    throw new TypeError(`Parameter $${name}: send dates as ISO strings, not Date objects.`);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`Parameter $${name}: ${value} is not a finite number.`);
  }
  if (Array.isArray(value)) return value.map((v, i) => normaliseValue(`${name}[${i}]`, v));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseValue(`${name}.${k}`, v)]));
  }
  return value;
}
