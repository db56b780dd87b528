/**
 * A page of the app besides the map (evaluation, partner finder, data entry, import). The shell
 * (main.ts) owns the header, the language, the chosen network or project and the map; a page owns
 * one <main> element and renders into it. Routes are hashes: `#/<page>` or `#/<page>/<network|project>/<id>`;
 * the map's own routes stay `#/network/<id>` and `#/project/<id>`.
 */
import type { Municipality, Named, Scope, Term } from '../api';
import type { Lang } from '../model/i18n';

export type PageName = 'map' | 'evaluate' | 'partners' | 'data' | 'import';

export interface Catalogue {
  networks: Named[];
  projects: (Named & { code: string | null })[];
  methods: Term[];
  targetGroups: Term[];
  municipalities: Municipality[];
}

/** What the map shows when a page sends the user there: these nodes lit, the ties among them too. */
export interface Spotlight {
  nodeIds: string[];
  caption: string;
  /** Move the timeline to this date (YYYY-MM-DD), e.g. the date a report was made for. */
  at?: string;
}

export interface PageContext {
  lang(): Lang;
  t(key: string, params?: Record<string, string | number>): string;
  /** The network or project chosen in the header, if any. */
  scope(): Scope | null;
  catalogue(): Catalogue | null;
  /** Open the map of `scope` with a spotlight; the map's bar offers the way back. */
  showOnMap(scope: Scope, spotlight: Spotlight): void;
  /** Reload the catalogue (after a page created or deleted a network or project). */
  refreshCatalogue(): Promise<void>;
}

export interface Page {
  /** Called once, with the page's own root element, before the first render. */
  mount(root: HTMLElement, ctx: PageContext): void;
  /** Called when the page is shown and whenever the language or the scope changes. */
  render(): void;
}
