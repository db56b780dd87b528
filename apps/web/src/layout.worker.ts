/** Lays out the map off the main thread: the page stays responsive while a large network settles. */
import type { MapGraph } from './model/graph-model';
import { computePositions } from './model/layout';

self.onmessage = (event: MessageEvent<{ id: number; graph: MapGraph }>) => {
  const { id, graph } = event.data;
  try {
    self.postMessage({ id, positions: computePositions(graph) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
