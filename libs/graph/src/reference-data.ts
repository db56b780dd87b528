import { METHODS, MUNICIPALITIES, REGIONS, TARGET_GROUPS } from '@verkosto/domain';
import type { BulkTable, StorageEngine } from './engine/engine';

/** The tables ensureReferenceData fills: a database holding only these (and Meta) is empty. */
export const REFERENCE_TABLES = ['Region', 'Municipality', 'Method', 'TargetGroup', 'Meta'];

/** Finland's regions and municipalities and the shared vocabularies, loaded once into an empty store. */
export async function ensureReferenceData(engine: StorageEngine): Promise<boolean> {
  const q = engine.queries;
  const [row] = await engine.read(q.reference.regionCount);
  if (Number(row.n) > 0) return false;
  const tables: BulkTable[] = [
    { name: 'Region', rows: REGIONS.map((r) => ({ code: r.code, name: r.name, nameSv: r.nameSv })) },
    { name: 'Municipality', rows: MUNICIPALITIES.map((m) => ({ code: m.code, name: m.name, nameSv: m.nameSv })) },
    { name: 'LOCATED_IN', from: 'Municipality', to: 'Region', rows: MUNICIPALITIES.map((m) => ({ from: m.code, to: m.regionCode })) },
    { name: 'Method', rows: METHODS.map((t) => ({ ...t })) },
    { name: 'TargetGroup', rows: TARGET_GROUPS.map((t) => ({ ...t })) },
  ];
  await engine.write((tx) => tx.bulkLoad(tables));
  return true;
}
