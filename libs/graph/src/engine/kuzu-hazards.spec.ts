/**
 * One regression test per Kùzu hazard of ENGINES.md §1: the guard makes the dangerous input safe,
 * or refuses it with a clear error before it reaches Kùzu (where several of them crash the process).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KuzuEngine, kuzuDialect } from './kuzu-engine';
import { normaliseParams } from './params';
import { buildQueries } from '../store/queries';

jest.setTimeout(30_000);

// ── fixtures ────────────────────────────────────────────────────────────────────────────────

let dir: string;
let engine: KuzuEngine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verkosto-hazards-'));
  engine = new KuzuEngine(dir);
  await engine.migrate(); // gives the Meta(key, value) table the tests write to
});

afterAll(async () => {
  await engine?.close();
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
/** A Meta key no other test uses. */
const key = (name: string) => `${name}-${++counter}`;

const CREATE_ROWS = 'UNWIND $rows AS r CREATE (:Meta {key: r.key, value: r.value})';
const CREATE_ONE = 'CREATE (:Meta {key: $key, value: $value})';

/** The stored value of each key, in the order asked; absent keys are undefined. */
async function stored(...keys: string[]): Promise<(string | null | undefined)[]> {
  const rows = await engine.read(
    `MATCH (m:Meta) WHERE m.key IN ${kuzuDialect.stringList('keys')} RETURN m.key AS key, m.value AS value`,
    { keys },
  );
  const byKey = new Map(rows.map((r) => [r.key, r.value as string | null]));
  return keys.map((k) => byKey.get(k));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ── H1, H2: rows of a list ──────────────────────────────────────────────────────────────────

describe('H1: rows whose keys come in different orders', () => {
  it('are given the same keys in the same order', () => {
    const { rows } = normaliseParams(CREATE_ROWS, {
      rows: [
        { key: 'a', value: 'first' },
        { value: 'second', key: 'b' },
      ],
    }) as { rows: Record<string, unknown>[] };
    expect(rows.map((r) => Object.keys(r))).toEqual([
      ['key', 'value'],
      ['key', 'value'],
    ]);
    expect(rows).toEqual([
      { key: 'a', value: 'first' },
      { key: 'b', value: 'second' },
    ]);
  });

  it('store each value under its own name through UNWIND (no values taken by position)', async () => {
    const [a, b] = [key('h1'), key('h1')];
    await engine.write((tx) =>
      tx.run(CREATE_ROWS, {
        rows: [
          { key: a, value: 'first' },
          { value: 'second', key: b },
        ],
      }),
    );
    expect(await stored(a, b, 'second')).toEqual(['first', 'second', undefined]);
  });

  it('are aligned in nested records too', () => {
    const { p } = normaliseParams('RETURN $p', { p: { rows: [{ x: 1, y: 2 }, { y: 3, x: 4 }] } }) as {
      p: { rows: Record<string, unknown>[] };
    };
    expect(p.rows.map((r) => Object.keys(r))).toEqual([
      ['x', 'y'],
      ['x', 'y'],
    ]);
  });
});

describe('H2: a row that lacks a key', () => {
  it('gets the key with null', () => {
    const { rows } = normaliseParams(CREATE_ROWS, { rows: [{ key: 'a', value: 'x' }, { key: 'b' }, { value: 'z' }] });
    expect(rows).toEqual([
      { key: 'a', value: 'x' },
      { key: 'b', value: null },
      { key: null, value: 'z' },
    ]);
  });

  it('is stored with null through UNWIND instead of crashing the process', async () => {
    const [a, b] = [key('h2'), key('h2')];
    await engine.write((tx) => tx.run(CREATE_ROWS, { rows: [{ key: a, value: 'x' }, { key: b }] }));
    expect(await stored(a, b)).toEqual(['x', null]);
  });
});

// ── H3: whole and fractional numbers ────────────────────────────────────────────────────────

describe('H3: whole and fractional numbers mixed in one list or field', () => {
  it('are refused with a clear error, in a list and across rows', () => {
    expect(() => normaliseParams('RETURN $l', { l: [1, 2.5] })).toThrow(/\$l mixes whole and fractional numbers.*toFloat/);
    expect(() => normaliseParams('RETURN $rows', { rows: [{ v: 2.5 }, { v: 1 }] })).toThrow(
      /\$rows\[\]\.v mixes whole and fractional numbers/,
    );
    expect(() => normaliseParams('RETURN $p', { p: { budgets: [100000, 0.5] } })).toThrow(/\$p\.budgets mixes/);
  });

  it('never reach Kùzu, which would return garbage for them', async () => {
    await expect(engine.read('RETURN $l AS l', { l: [1, 2.5] })).rejects.toThrow(TypeError);
  });

  it('pass when a list is all whole or all fractional numbers, and come back exactly', async () => {
    expect(await engine.read('RETURN $whole AS whole, $fractional AS fractional', { whole: [1, 2, 3], fractional: [0.5, 2.25] })).toEqual([
      { whole: [1, 2, 3], fractional: [0.5, 2.25] },
    ]);
  });

  it('can be sent as strings and converted in the query, as the error advises', async () => {
    const rows = await engine.read('UNWIND $l AS x RETURN to_double(x) AS v', { l: ['1', '2.5'] });
    expect(rows.map((r) => r.v)).toEqual([1, 2.5]);
  });
});

// ── H4: empty lists in IN ───────────────────────────────────────────────────────────────────

describe('H4: an empty or null list in `x IN $p`', () => {
  const IN_PLAIN = 'MATCH (m:Meta) WHERE m.key IN $keys RETURN m.key AS key';

  it.each([
    ['an empty list', { keys: [] }],
    ['null', { keys: null }],
    ['a missing parameter', {}],
  ])('is refused before it is sent when it is %s', async (_, params) => {
    await expect(engine.read(IN_PLAIN, params)).rejects.toThrow(/\$keys is an empty list in "IN \$keys": use dialect.stringList/);
  });

  it('is refused inside a write too, and the transaction writes nothing', async () => {
    const k = key('h4');
    await expect(
      engine.write(async (tx) => {
        await tx.run(CREATE_ONE, { key: k, value: 'x' });
        await tx.run('MATCH (m:Meta) WHERE m.key IN $keys DELETE m', { keys: [] });
      }),
    ).rejects.toThrow(/empty list/);
    expect(await stored(k)).toEqual([undefined]);
  });

  it('works with the dialect’s CAST form, empty or not', async () => {
    const k = key('h4');
    await engine.write((tx) => tx.run(CREATE_ONE, { key: k, value: 'x' }));
    const inCast = `MATCH (m:Meta) WHERE m.key IN ${kuzuDialect.stringList('keys')} RETURN m.key AS key`;
    expect(kuzuDialect.stringList('keys')).toBe('CAST($keys AS STRING[])');
    expect(await engine.read(inCast, { keys: [] })).toEqual([]);
    expect(await engine.read(inCast, { keys: [k] })).toEqual([{ key: k }]);
  });

  it('a non-empty plain list is still allowed', async () => {
    const k = key('h4');
    await engine.write((tx) => tx.run(CREATE_ONE, { key: k, value: 'x' }));
    expect(await engine.read(IN_PLAIN, { keys: [k] })).toEqual([{ key: k }]);
  });
});

// ── H5: JS Date ─────────────────────────────────────────────────────────────────────────────

describe('H5: a JS Date parameter', () => {
  it('is refused wherever it is: alone, in a list or in a row', () => {
    const date = new Date(2020, 0, 2);
    expect(() => normaliseParams('RETURN $d', { d: date as never })).toThrow(/\$d: send dates as ISO strings inside date\(\)/);
    expect(() => normaliseParams('RETURN $l', { l: [date as never] })).toThrow(/\$l\[0\]: send dates as ISO strings/);
    expect(() => normaliseParams('RETURN $rows', { rows: [{ at: date as never }] })).toThrow(/\$rows\[0\]\.at: send dates/);
  });

  it('never reaches Kùzu, and the write it was in stores nothing', async () => {
    const k = key('h5');
    await expect(engine.write((tx) => tx.run(CREATE_ONE, { key: k, value: new Date() as never }))).rejects.toThrow(TypeError);
    expect(await stored(k)).toEqual([undefined]);
  });

  it('is not needed: an ISO string inside date() comes back as the same day', async () => {
    expect(await engine.read('RETURN date($d) AS d', { d: '2020-01-02' })).toEqual([{ d: '2020-01-02' }]);
    expect(await engine.read('RETURN date($d) AS d', { d: null })).toEqual([{ d: null }]);
  });
});

// ── H6: a second writer ─────────────────────────────────────────────────────────────────────

describe('H6: a second write while one is open', () => {
  it('waits for the first to commit instead of failing', async () => {
    const [a, b] = [key('h6'), key('h6')];
    const events: string[] = [];
    const first = engine.write(async (tx) => {
      events.push('first begins');
      await tx.run(CREATE_ONE, { key: a, value: 'first' });
      await sleep(150);
      events.push('first ends');
    });
    const second = engine.write(async (tx) => {
      events.push('second begins');
      await tx.run(CREATE_ONE, { key: b, value: 'second' });
    });
    await expect(Promise.all([first, second])).resolves.toBeDefined();
    expect(events).toEqual(['first begins', 'first ends', 'second begins']);
    expect(await stored(a, b)).toEqual(['first', 'second']);
  });

  it('lets many writers queue, and every one of them is applied', async () => {
    const keys = Array.from({ length: 10 }, () => key('h6'));
    await Promise.all(keys.map((k, i) => engine.write((tx) => tx.run(CREATE_ONE, { key: k, value: String(i) }))));
    expect(await stored(...keys)).toEqual(keys.map((_, i) => String(i)));
  });

  it('lets a reader in while a write is open; it sees only committed data', async () => {
    const k = key('h6');
    let seenDuringWrite: unknown;
    await engine.write(async (tx) => {
      await tx.run(CREATE_ONE, { key: k, value: 'x' });
      seenDuringWrite = await stored(k);
    });
    expect(seenDuringWrite).toEqual([undefined]);
    expect(await stored(k)).toEqual(['x']);
  });
});

// ── H7: an error inside a transaction ───────────────────────────────────────────────────────

describe('H7: an error inside a write transaction', () => {
  it('rolls back everything written before it, and the next write works', async () => {
    const [a, b] = [key('h7'), key('h7')];
    await expect(
      engine.write(async (tx) => {
        await tx.run(CREATE_ONE, { key: a, value: 'x' });
        await tx.run(CREATE_ONE, { key: a, value: 'duplicate primary key' });
      }),
    ).rejects.toThrow();
    expect(await stored(a)).toEqual([undefined]);
    await engine.write((tx) => tx.run(CREATE_ONE, { key: b, value: 'after' }));
    expect(await stored(a, b)).toEqual([undefined, 'after']);
  });

  it('rolls back when the work itself throws after successful statements', async () => {
    const k = key('h7');
    await expect(
      engine.write(async (tx) => {
        await tx.run(CREATE_ONE, { key: k, value: 'x' });
        throw new Error('validation failed half-way');
      }),
    ).rejects.toThrow('validation failed half-way');
    expect(await stored(k)).toEqual([undefined]);
  });

  it('does not let later statements auto-commit when the work swallows the error', async () => {
    const [a, b] = [key('h7'), key('h7')];
    await expect(
      engine.write(async (tx) => {
        await tx.run(CREATE_ONE, { key: a, value: 'x' });
        await tx.run(CREATE_ONE, { key: a, value: 'duplicate primary key' }).catch(() => undefined);
        await tx.run(CREATE_ONE, { key: b, value: 'y' });
      }),
    ).rejects.toThrow(/already failed and was rolled back/);
    expect(await stored(a, b)).toEqual([undefined, undefined]);
    const c = key('h7');
    await engine.write((tx) => tx.run(CREATE_ONE, { key: c, value: 'z' }));
    expect(await stored(c)).toEqual(['z']);
  });
});

// ── H8: weighted shortest paths ─────────────────────────────────────────────────────────────

describe('H8: WSHORTEST with cost(p)', () => {
  // Introduction paths are found in memory over the dated tie graph, so no query walks paths.
  it('is never sent: no store query uses a weighted shortest path', () => {
    const texts = JSON.stringify(buildQueries(kuzuDialect));
    expect(texts).not.toMatch(/WSHORTEST|cost\s*\(/i);
  });
});

// ── H9: unused and missing parameters ───────────────────────────────────────────────────────

describe('H9: parameters the query does not use, or does not get', () => {
  it('unused ones are dropped and missing ones become null', () => {
    expect(normaliseParams('RETURN $a AS a, $b AS b', { a: 'x', unused: 1, alsoUnused: null })).toEqual({ a: 'x', b: null });
    expect(normaliseParams('RETURN 1', { a: 'x' })).toEqual({});
  });

  it('a parameter whose name starts like another one is still told apart', () => {
    expect(normaliseParams('RETURN $id AS id', { id: 'x', idList: ['y'] })).toEqual({ id: 'x' });
  });

  it('run on Kùzu without an error', async () => {
    expect(await engine.read('RETURN $a AS a, $b AS b', { a: 'x', unused: 'y' })).toEqual([{ a: 'x', b: null }]);
  });
});

// ── COPY: the CSV dialect and list items ───────────────────────────────────────────────────

describe('COPY FROM a CSV written by the engine', () => {
  it('reads a quoted field that comes after many unquoted lines (no dialect sniffing)', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ key: key(`late-quote-${i}`), value: i === 350 ? 'T3K, Tuotteita, tehokkuutta' : `plain ${i}` }));
    await engine.write((tx) => tx.bulkLoad([{ name: 'Meta', rows }]));
    expect(await stored(rows[350].key, rows[351].key)).toEqual(['T3K, Tuotteita, tehokkuutta', 'plain 351']);
  });

  it('keeps list items with commas, quotes, brackets and edge spaces exactly as given', async () => {
    const names = ['MIKKELIN KUNTOPALVELU, AVOIN YHTIÖ', "Tekijä's Oy", '"Lainaus"', '[Hakasulku]', ' Välilyönti '];
    const row = (id: string, mergedNames: string[]) => ({ id, name: id, kind: 'COMPANY', sector: 'PRIVATE', permanent: true, mergedNames });
    await engine.write((tx) => tx.bulkLoad([{ name: 'Organisation', rows: [row('list-plain', ['A', 'B c']), row('list-odd', names)] }]));
    const read = await engine.read("MATCH (o:Organisation) WHERE o.id STARTS WITH 'list-' RETURN o.id AS id, o.mergedNames AS names ORDER BY id");
    expect(read).toEqual([
      { id: 'list-odd', names },
      { id: 'list-plain', names: ['A', 'B c'] },
    ]);
  });
});

// ── H10: compiling two statements at once on one connection ─────────────────────────────────

describe('H10: different statements first sent at the same moment', () => {
  // Seen with the web app's catalogue query right after a start: three reference lists read at
  // once put two statements on a read connection that had never compiled one, and Kùzu segfaulted
  // (only the first compiles of a fresh connection crash; later ones at once are fine).
  it('are compiled one after the other, so all of them answer on fresh connections', async () => {
    const freshDir = mkdtempSync(join(tmpdir(), 'verkosto-h10-'));
    const fresh = new KuzuEngine(freshDir);
    try {
      await fresh.migrate();
      const keys = { Method: 'id', TargetGroup: 'id', Municipality: 'code', Region: 'code', OperatingModel: 'id', Network: 'id' };
      const answers = await Promise.all(Object.entries(keys).map(([label, key]) => fresh.read(`MATCH (x:${label}) RETURN x.${key} AS key`)));
      expect(answers).toEqual(Object.keys(keys).map(() => []));
    } finally {
      await fresh.close();
      rmSync(freshDir, { recursive: true, force: true });
    }
  });
});

// ── Connections and results ─────────────────────────────────────────────────────────────────

describe('Connections opened by their first query', () => {
  // The binding opens a connection lazily: two first queries at once opened it twice and crashed.
  it('take many first reads at once on a fresh engine', async () => {
    const freshDir = mkdtempSync(join(tmpdir(), 'verkosto-hazards-fresh-'));
    const fresh = new KuzuEngine(freshDir);
    try {
      const rows = await Promise.all(Array.from({ length: 8 }, (_, i) => fresh.read(`RETURN ${i} AS i`)));
      expect(rows).toEqual(Array.from({ length: 8 }, (_, i) => [{ i }]));
    } finally {
      await fresh.close();
      rmSync(freshDir, { recursive: true, force: true });
    }
  });
});

// ── bulk loads: values CSV cannot carry ─────────────────────────────────────────────────────

describe('COPY of values CSV would change', () => {
  // Kùzu's CSV reader turns an empty string into null and cuts list items at commas and brackets;
  // such rows are created one by one with parameters, so a bulk load stores exactly what it got.
  it('keeps empty strings, list items with commas and brackets, and relationships to such rows', async () => {
    const merged = ['Oy Yhtiö, Kuopio', '[vanha] nimi', "it's \"quoted\""];
    await engine.write((tx) =>
      tx.bulkLoad([
        {
          name: 'Organisation',
          rows: [
            { id: 'csv-a', name: 'Plain', website: null, mergedNames: [] },
            { id: 'csv-b', name: ' spaced ', website: '', mergedNames: merged },
          ],
        },
        { name: 'OperatingModel', rows: [{ id: 'csv-m', name: 'Malli', description: '' }] },
        { name: 'ADOPTED', from: 'Organisation', to: 'OperatingModel', rows: [{ from: 'csv-b', to: 'csv-m', validFrom: '2020-01-01', validTo: null }] },
      ]),
    );
    const rows = await engine.read(
      "MATCH (o:Organisation) WHERE o.id STARTS WITH 'csv-' RETURN o.id AS id, o.name AS name, o.website AS website, o.mergedNames AS merged ORDER BY id",
    );
    expect(rows).toEqual([
      { id: 'csv-a', name: 'Plain', website: null, merged: [] },
      { id: 'csv-b', name: ' spaced ', website: '', merged },
    ]);
    const [model] = await engine.read("MATCH (m:OperatingModel {id: 'csv-m'}) RETURN m.description AS description");
    expect(model.description).toBe('');
    const adopted = await engine.read("MATCH (o:Organisation)-[r:ADOPTED]->(m:OperatingModel {id: 'csv-m'}) RETURN o.id AS id, r.validFrom AS validFrom");
    expect(adopted).toEqual([{ id: 'csv-b', validFrom: '2020-01-01' }]);
  });

  it('refuses a relationship whose end is missing, and the transaction with it', async () => {
    await expect(
      engine.write((tx) => tx.bulkLoad([{ name: 'ADOPTED', from: 'Organisation', to: 'OperatingModel', rows: [{ from: 'csv-none', to: 'csv-m', validFrom: '', validTo: null }] }])),
    ).rejects.toThrow(/missing/);
  });
});

describe('Results fetched in synchronous chunks (the async per-row fetch took 9 s for 260,000 rows)', () => {
  it('stay whole and apart when many reads run at once on the two readers', async () => {
    // Different texts, so each is also prepared while the others run, and each takes a while.
    const read = (i: number) =>
      engine.read(`UNWIND range(1, 3000) AS a UNWIND range(1, 200) AS b WITH a, count(b) AS n RETURN a + ${i} AS a, n ORDER BY a`);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => read(i)));
    results.forEach((rows, i) => expect(rows).toEqual(Array.from({ length: 3000 }, (_, j) => ({ a: j + 1 + i, n: 200 }))));
  });
});
