/** The visible Cytoscape map: mounts elements at precomputed positions and restyles them per frame. */
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { nodeSize, toCyElements, type Diff, type Frame, type MapGraph } from './model/graph-model';
import type { Positions } from './model/layout';
import { DIFF_COLORS, EDGE_COLOR, NODE_SHAPES, nodeColor, ROOTED_COLOR, SELECTED_COLOR, SPOT_COLOR, TEXT } from './model/palette';

export type ColorBy = 'kind' | 'sector';

/** Above this many elements the map switches to the cheaper drawing paths. */
const LARGE = 2500;

function style(large: boolean): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        shape: 'ellipse',
        width: 'data(size)',
        height: 'data(size)',
        'border-width': 1.5,
        'border-color': '#ffffff',
        label: 'data(label)',
        color: TEXT,
        'font-size': 11,
        'font-family': 'system-ui, "Segoe UI", Roboto, sans-serif',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '150px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': large ? 10 : 7, // level of detail: labels only once they are readable
        'transition-property': 'opacity',
        'transition-duration': large ? 0 : 250,
      },
    },
    ...Object.entries(NODE_SHAPES).map(([kind, shape]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { shape: shape as cytoscape.Css.NodeShape },
    })),
    { selector: 'node[kind = "NETWORK"]', style: { 'font-weight': 'bold', 'font-size': 13 } },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': EDGE_COLOR,
        'curve-style': large ? 'haystack' : 'straight',
        opacity: 0.75,
        'transition-property': 'opacity',
        'transition-duration': large ? 0 : 250,
      },
    },
    { selector: 'edge[kind = "RUNS_UNDER"], edge[kind = "CONTINUES"], edge[kind = "IN_NETWORK"]', style: { 'line-style': 'dashed', width: 1, opacity: 0.6 } },
    { selector: 'edge.rooted', style: { 'line-color': ROOTED_COLOR, 'line-style': 'solid', opacity: 1, 'z-index': 5 } },
    { selector: '.future, .filtered, .hide-ended', style: { display: 'none' } },
    { selector: 'node.ended', style: { opacity: 0.3 } },
    { selector: 'edge.ended', style: { opacity: 0.18, 'line-style': 'dotted' } },
    { selector: 'node.diff-added', style: { 'border-color': DIFF_COLORS.added, 'border-width': 4, opacity: 1 } },
    { selector: 'node.diff-lost', style: { 'border-color': DIFF_COLORS.lost, 'border-width': 4, 'border-style': 'dashed', opacity: 0.55 } },
    { selector: 'edge.diff-added', style: { 'line-color': DIFF_COLORS.added, opacity: 1, 'line-style': 'solid' } },
    { selector: 'edge.diff-kept', style: { 'line-color': DIFF_COLORS.kept, opacity: 0.8 } },
    { selector: 'edge.diff-lost', style: { 'line-color': DIFF_COLORS.lost, opacity: 0.9, 'line-style': 'dashed' } },
    { selector: 'node.match', style: { 'outline-width': 4, 'outline-color': SELECTED_COLOR, 'outline-offset': 2 } as cytoscape.Css.Node },
    { selector: 'node:selected', style: { 'border-color': SELECTED_COLOR, 'border-width': 5, 'z-index': 10, 'font-weight': 'bold' } },
    { selector: 'edge.focus', style: { opacity: 1, 'line-color': SELECTED_COLOR } },
    { selector: '.dim', style: { opacity: 0.12 } },
    { selector: 'node.spot', style: { 'border-color': SPOT_COLOR, 'border-width': 5, opacity: 1, 'z-index': 8 } },
    { selector: 'edge.spot', style: { 'line-color': SPOT_COLOR, width: 5, opacity: 1, 'z-index': 8 } },
  ] as StylesheetJson;
}

export interface MapEvents {
  onSelect(id: string | null): void;
}

export class MapView {
  cy: Core | null = null;
  private graph: MapGraph | null = null;
  /** Nodes a page asked to show (evidence, a path); ties with both ends lit are lit too. */
  private spot: Set<string> | null = null;

  constructor(private readonly container: HTMLElement, private readonly events: MapEvents) {}

  mount(graph: MapGraph, positions: Positions, colorBy: ColorBy): void {
    this.destroy();
    this.graph = graph;
    const elements = toCyElements(graph, positions) as ElementDefinition[];
    for (const el of elements) {
      if (el.group === 'nodes') {
        el.data.color = nodeColor(String(el.data.kind), (el.data.orgKind as string | null) ?? null, (el.data.sector as string | null) ?? null, colorBy);
        el.data.size = nodeSize(0, el.data.kind as never);
      } else {
        el.data.width = 1.5;
      }
    }
    const large = elements.length > LARGE;
    this.cy = cytoscape({
      container: this.container,
      elements,
      layout: { name: 'preset', fit: true, padding: 30 },
      style: style(large),
      minZoom: 0.05,
      maxZoom: 4,
      selectionType: 'single',
      boxSelectionEnabled: false,
      hideEdgesOnViewport: large, // keep panning smooth on big maps
      textureOnViewport: large,
      webgl: large, // Cytoscape's WebGL renderer draws thousands of nodes without stalling
      pixelRatio: large ? 1 : 'auto',
    } as cytoscape.CytoscapeOptions);
    // Small networks would fill the screen with huge labels: cap the opening zoom.
    if (this.cy.zoom() > 1.2) {
      this.cy.zoom(1.2);
      this.cy.center();
    }
    this.cy.on('tap', 'node', (ev) => this.events.onSelect(ev.target.id() as string));
    this.cy.on('tap', (ev) => {
      if (ev.target === this.cy) this.events.onSelect(null);
    });
  }

  setColorBy(by: ColorBy): void {
    this.cy?.batch(() => {
      this.cy!.nodes().forEach((n) => {
        n.data('color', nodeColor(n.data('kind') as string, n.data('orgKind') as string | null, n.data('sector') as string | null, by));
      });
    });
  }

  /** Restyle for a date: nothing moves, only visibility, size, width and classes change. */
  apply(frame: Frame, showEnded: boolean, diff: Diff | null): void {
    const cy = this.cy;
    if (!cy || !this.graph) return;
    const kinds = new Map(this.graph.nodes.map((n) => [n.id, n.kind]));
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const f = frame.nodes.get(n.id());
        if (!f) return;
        const d = diff?.nodes.get(n.id());
        const classes = [f.state === 'active' ? 'active' : f.state];
        if (!f.shown) classes.push('filtered');
        if (d && d !== 'absent') classes.splice(0, 1, `diff-${d}`);
        else if (diff) classes.push('future');
        if (!showEnded && !d && f.state === 'ended') classes.push('hide-ended');
        if (this.spot) classes.push(this.spot.has(n.id()) ? 'spot' : 'dim');
        n.classes(classes.join(' '));
        const size = nodeSize(f.degree, kinds.get(n.id())!);
        if (n.data('size') !== size) n.data('size', size);
      });
      cy.edges().forEach((e) => {
        const f = frame.edges.get(e.id());
        if (!f) return;
        const d = diff?.edges.get(e.id());
        const classes: string[] = [f.state];
        if (!f.shown) classes.push('filtered');
        if (f.rooted && !diff) classes.push('rooted');
        if (d && d !== 'absent') classes.splice(0, 1, `diff-${d}`);
        else if (diff) classes.push('future');
        if (!showEnded && !d && f.state === 'ended') classes.push('hide-ended');
        if (this.spot) classes.push(this.spot.has(e.source().id()) && this.spot.has(e.target().id()) ? 'spot' : 'dim');
        e.classes(classes.join(' '));
        const width = f.rooted && !diff ? 5 : Math.min(1.5 + 1.5 * Math.max(f.weight - 1, 0), 9);
        if (e.data('width') !== width) e.data('width', width);
      });
    });
  }

  /** Light these nodes (null clears); takes effect at the next apply(). */
  setSpotlight(nodeIds: string[] | null): void {
    this.spot = nodeIds ? new Set(nodeIds) : null;
  }

  /** How many nodes are lit now: the spotlight bar carries it (data-lit) for tests and tools. */
  litCount(): number {
    return this.cy?.nodes('.spot').length ?? 0;
  }

  /** Fit the view to the lit nodes. */
  fitSpotlight(): void {
    const cy = this.cy;
    if (!cy || !this.spot) return;
    const lit = cy.nodes('.spot');
    if (lit.nonempty()) cy.fit(lit, 60);
  }

  highlight(ids: string[]): void {
    this.cy?.batch(() => {
      this.cy!.nodes('.match').removeClass('match');
      ids.forEach((id) => this.cy!.getElementById(id).addClass('match'));
    });
  }

  select(id: string | null, center = true): void {
    const cy = this.cy;
    if (!cy) return;
    cy.edges('.focus').removeClass('focus');
    cy.$(':selected').unselect();
    if (!id) return;
    const n = cy.getElementById(id);
    if (n.empty()) return;
    n.select();
    n.connectedEdges().addClass('focus');
    if (center && n.visible()) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1.1) }, { duration: 250 });
  }

  /** Visible nodes in reading order, for keyboard navigation. */
  visibleNodeIds(): string[] {
    if (!this.cy) return [];
    return this.cy
      .nodes()
      .filter((n) => n.visible())
      .sort((a, b) => (a.data('label') as string).localeCompare(b.data('label') as string, 'fi'))
      .map((n) => n.id());
  }

  fit(): void {
    this.cy?.animate({ fit: { eles: this.cy.elements(':visible'), padding: 30 } }, { duration: 200 });
  }

  zoom(factor: number): void {
    const cy = this.cy;
    if (!cy) return;
    cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
  }

  resize(): void {
    this.cy?.resize();
  }

  png(): Blob | null {
    if (!this.cy) return null;
    return this.cy.png({ output: 'blob', scale: 2, bg: '#ffffff', full: false }) as unknown as Blob;
  }

  destroy(): void {
    this.cy?.destroy();
    this.cy = null;
  }
}
