/** Pages of a list: the size asked for, and the opaque cursor a page ends at (a sort key). */
import { badInput } from '@verkosto/domain';

export const MAX_PAGE_SIZE = 200;
const DEFAULT_PAGE_SIZE = 50;

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be between 1 and ${MAX_PAGE_SIZE}.`, { field: 'first' });
  }
  return size;
}

export const encodeCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
export function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key.includes('\u0001')) throw badInput('The "after" cursor is not one this API gave out.', { field: 'after' });
  return key;
}
