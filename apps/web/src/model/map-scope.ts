/** Which network or project map can show a set of nodes (evidence, an introduction chain). Pure. */

export interface MapScope {
  type: 'network' | 'project';
  id: string;
}

export interface ScopeCandidate {
  scope: MapScope;
  nodeIds: ReadonlySet<string>;
}

/**
 * The candidate whose map holds the most of `ids` (the first one wins a tie, so put the preferred
 * scope first); null when no map holds any of them.
 */
export function bestMapScope(ids: string[], candidates: ScopeCandidate[]): { scope: MapScope; shown: number } | null {
  let best: { scope: MapScope; shown: number } | null = null;
  for (const c of candidates) {
    const shown = ids.filter((id) => c.nodeIds.has(id)).length;
    if (shown > 0 && (!best || shown > best.shown)) best = { scope: c.scope, shown };
    if (best && best.shown === ids.length) break;
  }
  return best;
}
