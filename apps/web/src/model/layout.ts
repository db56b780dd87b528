/**
 * Positions for the whole history, computed once per network and view so that moving the date
 * never reshuffles the map. Runs headless (no DOM): in a Web Worker in the browser, in Node in tests.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { seededRng } from '@verkosto/domain/random';
import { forceAtlas2 } from './force-layout';
import { nodeSize, toCyElements, type MapGraph } from './graph-model';

let registered = false;
function register() {
  if (!registered) cytoscape.use(fcose);
  registered = true;
}

export type Positions = Record<string, { x: number; y: number }>;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** fcose options for maps up to FORCE_LAYOUT_ABOVE nodes. */
function layoutOptions() {
  return {
    name: 'fcose',
    quality: 'default',
    randomize: true, // start from a seeded spectral layout, not from stored positions
    animate: false, // positions are handed to the visible map afterwards
    fit: false,
    nodeDimensionsIncludeLabels: false, // labels only show when zoomed in
    uniformNodeDimensions: true,
    packComponents: true, // keep disconnected parts close together
    nodeRepulsion: () => 12000,
    idealEdgeLength: (edge: cytoscape.EdgeSingular) => (edge.data('kind') === 'IN_NETWORK' ? 160 : 110),
    edgeElasticity: () => 0.45,
    numIter: 2500,
    tile: true,
  };
}

/**
 * Above this many nodes fcose is far too slow (its repulsion turns quadratic on hub-heavy maps:
 * 566 nodes took 5 s, 1,606 nodes five minutes), so the Barnes–Hut ForceAtlas2 lays them out instead.
 */
export const FORCE_LAYOUT_ABOVE = 300;

export function computePositions(graph: MapGraph): Positions {
  if (graph.nodes.length === 0) return {};
  if (graph.nodes.length > FORCE_LAYOUT_ABOVE) return forcePositions(graph);
  register();
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: toCyElements(graph) as cytoscape.ElementDefinition[] });
  cy.nodes().style({ width: 24, height: 24 });
  const random = Math.random;
  Math.random = seededRng(hash(graph.nodes.map((n) => n.id).join('|')));
  try {
    cy.layout(layoutOptions() as cytoscape.LayoutOptions).run();
  } finally {
    Math.random = random;
  }
  const positions: Positions = {};
  cy.nodes().forEach((n) => {
    const p = n.position();
    positions[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
  });
  cy.destroy();
  return positions;
}

/** Ties that size a node on the map (structural links do not count). */
const SIZING = new Set(['PARTICIPATES', 'ADOPTED', 'TIE']);

function forcePositions(graph: MapGraph): Positions {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const edges: number[] = [];
  const ties = new Float64Array(graph.nodes.length);
  for (const e of graph.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined) continue;
    edges.push(s, t);
    if (SIZING.has(e.kind)) {
      ties[s] += 1;
      ties[t] += 1;
    }
  }
  // The largest a node is ever drawn (every tie active at once), plus a margin: no date overlaps.
  const radius = Float64Array.from(graph.nodes, (n, i) => nodeSize(ties[i], n.kind) / 2 + 3);
  const xy = forceAtlas2(
    { count: graph.nodes.length, edges: Int32Array.from(edges), radius },
    { iterations: 300, seed: hash(graph.nodes.map((n) => n.id).join('|')), scaling: 40 },
  );
  const positions: Positions = {};
  graph.nodes.forEach((n, i) => {
    positions[n.id] = { x: Math.round(xy[2 * i] * 10) / 10, y: Math.round(xy[2 * i + 1] * 10) / 10 };
  });
  return positions;
}
