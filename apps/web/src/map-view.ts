/** The visible Cytoscape map: mounts elements at precomputed positions and restyles them per frame. */
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { nodeSize, toCyElements, type Diff, type EdgeFrame, type Frame, type MapGraph, type NodeFrame } from './model/graph-model';
import type { Positions } from './model/layout';
import { DIFF_COLORS, EDGE_COLOR, NODE_SHAPES, nodeColor, ROOTED_COLOR, SELECTED_COLOR, SPOT_COLOR, TEXT } from './model/palette';

export type ColorBy = 'kind' | 'sector';

/** Above this many elements the map switches to the cheaper drawing paths. */
const LARGE = 2500;
/**
 * Level of detail on large maps: labels are drawn from this zoom on, and only for the nodes in
 * view (at most LABELS_AT_ONCE). Cytoscape's own `min-zoomed-font-size` is ignored by its WebGL
 * renderer and still measures every hidden label, which cost seconds at 5,000 organisations.
 */
const LABEL_ZOOM = 0.75;
const LABELS_AT_ONCE = 800;

let fastWebgl: boolean | null = null;
/**
 * Cytoscape's WebGL renderer, only where WebGL2 runs on a graphics card: without WebGL2 Cytoscape
 * throws at start, and on a software rasteriser (SwiftShader, llvmpipe: remote desktops, machines
 * without a GPU, headless Chromium) it drew a 5,000-organisation map slower than the 2D canvas.
 */
function hardwareWebgl(): boolean {
  if (fastWebgl === null) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const renderer = gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : '';
      fastWebgl = !!gl && !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      fastWebgl = false;
    }
  }
  return fastWebgl;
}

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
        label: large ? '' : 'data(label)', // large maps: see LABEL_ZOOM
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
        'min-zoomed-font-size': 7, // level of detail: labels only once they are readable
        'transition-property': 'opacity',
        'transition-duration': large ? 0 : 250,
      },
    },
    ...Object.entries(NODE_SHAPES).map(([kind, shape]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { shape: shape as cytoscape.Css.NodeShape },
    })),
    { selector: 'node[kind = "NETWORK"]', style: { 'font-weight': 'bold', 'font-size': 13 } },
    { selector: 'node.labelled', style: { label: 'data(label)' } },
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
    { selector: 'edge.ended', style: { opacity: 0.18, 'line-style': large ? 'solid' : 'dotted' } },
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
  /** Mounted but not drawn yet: the first apply() draws it with that frame's classes. */
  private pending: { positions: Positions; colorBy: ColorBy } | null = null;
  /** Nodes a page asked to show (evidence, a path); ties with both ends lit are lit too. */
  private spot: Set<string> | null = null;
  /** Search matches, kept across restyles. */
  private matches = new Set<string>();
  /** Large maps: nodes whose label is drawn now (see LABEL_ZOOM). */
  private labelled = new Set<string>();
  private labelTimer: number | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly events: MapEvents,
  ) {}

  /**
   * Takes the map for a network and its positions. It is drawn by the first apply(), so that
   * Cytoscape styles every element once, already in the classes of that date, instead of once as
   * created and again for the date (tens of thousands of elements on a large network).
   */
  mount(graph: MapGraph, positions: Positions, colorBy: ColorBy): void {
    this.destroy();
    this.graph = graph;
    this.pending = { positions, colorBy };
  }

  private create(frame: Frame, showEnded: boolean, diff: Diff | null): void {
    const { positions, colorBy } = this.pending!;
    this.pending = null;
    const kinds = new Map(this.graph!.nodes.map((n) => [n.id, n.kind]));
    const elements = toCyElements(this.graph!, positions) as ElementDefinition[];
    const ends = new Map(this.graph!.edges.map((e) => [e.id, [e.source, e.target] as const]));
    for (const el of elements) {
      const id = String(el.data.id);
      if (el.group === 'nodes') {
        el.data.color = nodeColor(String(el.data.kind), (el.data.orgKind as string | null) ?? null, (el.data.sector as string | null) ?? null, colorBy);
        const f = frame.nodes.get(id);
        el.data.size = nodeSize(f?.degree ?? 0, kinds.get(id)!);
        if (f) el.classes = this.nodeClasses(id, f, showEnded, diff);
      } else {
        const f = frame.edges.get(id);
        el.data.width = f ? edgeWidth(f, diff) : 1.5;
        if (f) el.classes = this.edgeClasses(id, ends.get(id)!, f, showEnded, diff);
      }
    }
    const large = elements.length > LARGE;
    this.cy = cytoscape({
      container: this.container,
      elements,
      layout: { name: 'preset', fit: true, padding: 30 },
      style: style(large),
      minZoom: 0.02,
      maxZoom: 4,
      selectionType: 'single',
      boxSelectionEnabled: false,
      hideEdgesOnViewport: large, // keep panning smooth on big maps
      textureOnViewport: large,
      webgl: large && hardwareWebgl(),
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
    if (large) {
      this.cy.on('viewport', () => {
        window.clearTimeout(this.labelTimer);
        this.labelTimer = window.setTimeout(() => this.updateLabels(), 120);
      });
      this.updateLabels();
    }
  }

  /** Large maps: label the nodes in view once zoomed in far enough to read them. */
  private updateLabels(): void {
    const cy = this.cy;
    if (!cy) return;
    const next = new Set<string>();
    if (cy.zoom() >= LABEL_ZOOM) {
      const { x1, y1, x2, y2 } = cy.extent();
      cy.nodes().forEach((n) => {
        if (next.size >= LABELS_AT_ONCE) return;
        const p = n.position();
        if (p.x >= x1 && p.x <= x2 && p.y >= y1 && p.y <= y2 && n.visible()) next.add(n.id());
      });
    }
    cy.batch(() => {
      for (const id of this.labelled) if (!next.has(id)) cy.getElementById(id).removeClass('labelled');
      for (const id of next) if (!this.labelled.has(id)) cy.getElementById(id).addClass('labelled');
    });
    this.labelled = next;
  }

  setColorBy(by: ColorBy): void {
    if (this.pending) this.pending.colorBy = by;
    this.cy?.batch(() => {
      this.cy!.nodes().forEach((n) => {
        n.data('color', nodeColor(n.data('kind') as string, n.data('orgKind') as string | null, n.data('sector') as string | null, by));
      });
    });
  }

  /** Restyle for a date: nothing moves, only visibility, size, width and classes change. */
  apply(frame: Frame, showEnded: boolean, diff: Diff | null): void {
    if (!this.graph) return;
    if (this.pending) return this.create(frame, showEnded, diff);
    const cy = this.cy;
    if (!cy) return;
    const kinds = new Map(this.graph.nodes.map((n) => [n.id, n.kind]));
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const f = frame.nodes.get(n.id());
        if (!f) return;
        n.classes(this.nodeClasses(n.id(), f, showEnded, diff));
        const size = nodeSize(f.degree, kinds.get(n.id())!);
        if (n.data('size') !== size) n.data('size', size);
      });
      cy.edges().forEach((e) => {
        const f = frame.edges.get(e.id());
        if (!f) return;
        e.classes(this.edgeClasses(e.id(), [e.data('source') as string, e.data('target') as string], f, showEnded, diff));
        const width = edgeWidth(f, diff);
        if (e.data('width') !== width) e.data('width', width);
      });
    });
  }

  private nodeClasses(id: string, f: NodeFrame, showEnded: boolean, diff: Diff | null): string[] {
    const d = diff?.nodes.get(id);
    const classes = [f.state === 'active' ? 'active' : f.state];
    if (!f.shown) classes.push('filtered');
    if (d && d !== 'absent') classes.splice(0, 1, `diff-${d}`);
    else if (diff) classes.push('future');
    if (!showEnded && !d && f.state === 'ended') classes.push('hide-ended');
    if (this.spot) classes.push(this.spot.has(id) ? 'spot' : 'dim');
    if (this.matches.has(id)) classes.push('match');
    if (this.labelled.has(id)) classes.push('labelled');
    return classes;
  }

  private edgeClasses(id: string, [source, target]: readonly [string, string], f: EdgeFrame, showEnded: boolean, diff: Diff | null): string[] {
    const d = diff?.edges.get(id);
    const classes: string[] = [f.state];
    if (!f.shown) classes.push('filtered');
    if (f.rooted && !diff) classes.push('rooted');
    if (d && d !== 'absent') classes.splice(0, 1, `diff-${d}`);
    else if (diff) classes.push('future');
    if (!showEnded && !d && f.state === 'ended') classes.push('hide-ended');
    if (this.spot) classes.push(this.spot.has(source) && this.spot.has(target) ? 'spot' : 'dim');
    return classes;
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
    this.matches = new Set(ids);
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
    window.clearTimeout(this.labelTimer);
    this.cy?.destroy();
    this.cy = null;
    this.pending = null;
    this.labelled = new Set();
  }
}

/** A tie's stroke: rooted ties stand out; organisation ties thicken with shared activities. */
function edgeWidth(f: EdgeFrame, diff: Diff | null): number {
  return f.rooted && !diff ? 5 : Math.min(1.5 + 1.5 * Math.max(f.weight - 1, 0), 9);
}
