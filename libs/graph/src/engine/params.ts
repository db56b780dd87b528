import type { Value, Params } from './engine';

const PARAM = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Names of the parameters a query text references. */
export function referencedParams(query: string): string[] {
  return [...new Set([...query.matchAll(PARAM)].map((m) => m[1]))];
}

/**
 * The one parameter normaliser both engines use (ENGINES.md §6):
 * only referenced parameters are sent (H9) and missing ones become null (Neo4j errors otherwise);
 * rows of a list get identical keys in identical order (H1, H2); a Date anywhere is refused (H5);
 * whole and fractional numbers mixed in one list or one field of rows are refused (H3).
 * (Empty `IN $p` lists are refused by the Kùzu engine, H4.)
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
    throw new TypeError(`Parameter $${name}: send dates as ISO strings inside date(), not Date objects.`);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`Parameter $${name}: ${value} is not a finite number.`);
  }
  if (Array.isArray(value)) {
    const items = value.map((v, i) => normaliseValue(`${name}[${i}]`, v));
    refuseMixedNumbers(name, items);
    return items.length > 0 && items.every(isRecord) ? alignRows(name, items) : items;
  }
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseValue(`${name}.${k}`, v)]));
  }
  return value;
}

function isRecord(value: Value): value is { [key: string]: Value } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function alignRows(name: string, rows: Record<string, Value>[]): Record<string, Value>[] {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))].sort();
  for (const key of keys) refuseMixedNumbers(`${name}[].${key}`, rows.map((row) => row[key]));
  return rows.map((row) => Object.fromEntries(keys.map((k) => [k, row[k] === undefined ? null : row[k]])));
}

/** H3: Kùzu types a list (or a field across rows) from its first number and garbles the others. */
function refuseMixedNumbers(name: string, values: Value[]): void {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.some(Number.isInteger) && numbers.some((n) => !Number.isInteger(n))) {
    throw new TypeError(
      `Parameter $${name} mixes whole and fractional numbers (${numbers.slice(0, 4).join(', ')}…): ` +
        'send them as strings and convert them with toFloat in the query.',
    );
  }
}
