import { foldText } from '@verkosto/domain';

/** Orders lists by folded name; the id makes it unique, so it can serve as the cursor. */
export function sortKey(name: string, id: string): string {
  return `${foldText(name)}\u0001${id}`;
}
