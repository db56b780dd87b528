/**
 * Positions for the whole history, computed once per network and view so that moving the date
 * never reshuffles the map. Runs headless (no DOM): in a Web Worker in the browser, in Node in tests.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { seededRng } from '@verkosto/domain/random';
import { toCyElements, type MapGraph } from './graph-model';

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

/** fcose options; large graphs trade polish for speed. */
function layoutOptions(nodeCount: number) {
  const large = nodeCount > 1500;
  return {
    name: 'fcose',
    quality: large ? 'draft' : 'default', // draft skips the costly polishing phase on big maps
    randomize: true, // start from a seeded spectral layout, not from stored positions
    animate: false, // positions are handed to the visible map afterwards
    fit: false,
    nodeDimensionsIncludeLabels: false, // labels only show when zoomed in
    uniformNodeDimensions: true,
    packComponents: true, // keep disconnected parts close together
    nodeRepulsion: () => 12000,
    idealEdgeLength: (edge: cytoscape.EdgeSingular) => (edge.data('kind') === 'IN_NETWORK' ? 160 : 110),
    edgeElasticity: () => 0.45,
    numIter: large ? 1200 : 2500,
    tile: true,
  };
}

export function computePositions(graph: MapGraph): Positions {
  register();
  if (graph.nodes.length === 0) return {};
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: toCyElements(graph) as cytoscape.ElementDefinition[] });
  cy.nodes().style({ width: 24, height: 24 });
  const random = Math.random;
  Math.random = seededRng(hash(graph.nodes.map((n) => n.id).join('|')));
  try {
    cy.layout(layoutOptions(graph.nodes.length) as cytoscape.LayoutOptions).run();
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
