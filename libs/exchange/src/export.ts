import type { GraphEdge, GraphNode, GraphSnapshot } from '@verkosto/domain';

/** Files Gephi, spreadsheets and Cytoscape open, written from a dated snapshot. Pure text, no I/O. */
export const EXPORT_FORMATS = ['graphml', 'gexf', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * CSV as standard tools read it (comma, no byte-order mark), or as a Finnish or Swedish Excel
 * opens it with a double click: semicolons (its list separator where the decimal mark is a comma)
 * and a UTF-8 byte-order mark, without which it reads ä and ö as Latin-1.
 */
export const CSV_DIALECTS = ['standard', 'excel-fi'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

export interface ExportFile {
  body: string;
  contentType: string;
  extension: string;
}

const NODE_FIELDS = ['kind', 'label', 'orgKind', 'sector', 'permanent', 'activityType', 'municipalityCode', 'validFrom', 'validTo'] as const;
const EDGE_FIELDS = ['kind', 'role', 'validFrom', 'validTo'] as const;

export function exportSnapshot(snapshot: GraphSnapshot, format: ExportFormat, part: 'nodes' | 'edges' = 'edges', dialect: CsvDialect = 'standard'): ExportFile {
  switch (format) {
    case 'graphml':
      return { body: toGraphML(snapshot), contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml' };
    case 'gexf':
      return { body: toGexf(snapshot), contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf' };
    case 'csv':
      return { body: (part === 'nodes' ? nodesCsv : edgesCsv)(snapshot, dialect), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
    case 'json':
      return { body: JSON.stringify(toCytoscapeJson(snapshot), null, 1), contentType: 'application/json; charset=utf-8', extension: 'json' };
  }
}

const xml = (value: unknown) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function toGraphML({ nodes, edges }: GraphSnapshot): string {
  const keys = [
    ...NODE_FIELDS.map((f) => `  <key id="n_${f}" for="node" attr.name="${f}" attr.type="${f === 'permanent' ? 'boolean' : 'string'}"/>`),
    ...EDGE_FIELDS.map((f) => `  <key id="e_${f}" for="edge" attr.name="${f}" attr.type="string"/>`),
  ];
  const data = (prefix: string, item: object, fields: readonly string[]) =>
    fields
      .map((f) => [f, (item as Record<string, unknown>)[f]] as const)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([f, v]) => `<data key="${prefix}_${f}">${xml(v)}</data>`)
      .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys,
    '  <graph id="verkosto" edgedefault="directed">',
    ...nodes.map((n) => `    <node id="${xml(n.id)}">${data('n', n, NODE_FIELDS)}</node>`),
    ...edges.map((e) => `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">${data('e', e, EDGE_FIELDS)}</edge>`),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/** GEXF 1.3, dynamic: dates become start/end intervals so Gephi's timeline replays the network. */
function toGexf({ nodes, edges }: GraphSnapshot): string {
  const span = (x: { validFrom: string | null; validTo: string | null }) => `${x.validFrom ? ` start="${x.validFrom}"` : ''}${x.validTo ? ` end="${x.validTo}"` : ''}`;
  const attrs = (item: object, fields: readonly string[]) =>
    fields
      .map((f, i) => [i, (item as Record<string, unknown>)[f]] as const)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([i, v]) => `<attvalue for="${i}" value="${xml(v)}"/>`)
      .join('');
  const nodeAttrs = NODE_FIELDS.filter((f) => f !== 'label' && f !== 'validFrom' && f !== 'validTo');
  const edgeAttrs = ['kind', 'role'] as const;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">',
    '    <attributes class="node">',
    ...nodeAttrs.map((f, i) => `      <attribute id="${i}" title="${f}" type="${f === 'permanent' ? 'boolean' : 'string'}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...edgeAttrs.map((f, i) => `      <attribute id="${i}" title="${f}" type="string"/>`),
    '    </attributes>',
    '    <nodes>',
    ...nodes.map((n) => `      <node id="${xml(n.id)}" label="${xml(n.label)}"${span(n)}><attvalues>${attrs(n, nodeAttrs)}</attvalues></node>`),
    '    </nodes>',
    '    <edges>',
    ...edges.map((e) => `      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"${span(e)}><attvalues>${attrs(e, edgeAttrs)}</attvalues></edge>`),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}

/** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs a cell as a formula. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join(';') : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: unknown[][], dialect: CsvDialect): string {
  const text = [header, ...rows].map((r) => r.map(csvCell).join(dialect === 'excel-fi' ? ';' : ',')).join('\r\n') + '\r\n';
  return dialect === 'excel-fi' ? `\uFEFF${text}` : text;
}

function nodesCsv({ nodes }: GraphSnapshot, dialect: CsvDialect): string {
  const fields = ['id', ...NODE_FIELDS, 'methodIds', 'targetGroupIds'] as const;
  return csv(
    [...fields],
    nodes.map((n) => fields.map((f) => (n as unknown as Record<string, unknown>)[f])),
    dialect,
  );
}

function edgesCsv({ nodes, edges }: GraphSnapshot, dialect: CsvDialect): string {
  const label = new Map(nodes.map((n) => [n.id, n.label]));
  return csv(
    ['id', 'source', 'sourceLabel', 'target', 'targetLabel', ...EDGE_FIELDS],
    edges.map((e) => [e.id, e.source, label.get(e.source), e.target, label.get(e.target), e.kind, e.role, e.validFrom, e.validTo]),
    dialect,
  );
}

export function toCytoscapeJson({ nodes, edges }: GraphSnapshot) {
  return {
    format: 'cytoscape-json',
    elements: {
      nodes: nodes.map((n: GraphNode) => ({ data: { ...n, name: n.label } })),
      edges: edges.map((e: GraphEdge) => ({ data: { ...e } })),
    },
  };
}
