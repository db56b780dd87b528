/**
 * What every unit of the store shares, written once above the engine: the engine wrapped so that
 * each write sets the graph version, the one way a write is recorded (`recorded`), change times,
 * paging, and the look-ups and link writes that several aggregates make.
 */
import { randomBytes } from 'node:crypto';
import {
  badInput,
  foldText,
  notFound,
  slug,
  type Activity,
  type ActivityInput,
  type Actor,
  type Change,
  type ChangeEntityKind,
  type IsoDate,
  type Network,
  type Organisation,
  type Participation,
  type ParticipationTarget,
  type Person,
  type Project,
  type ProjectInput,
} from '@verkosto/domain';
import type { StorageEngine, EngineTx, Params, Row } from '../engine/engine';
import type { Page, PageArgs } from '../graph-store';
import { ChangeLog } from './change-log';
import { coalescedRead, PageCache } from './page-cache';
import { decodeCursor, encodeCursor, pageSize } from './paging';
import type { Queries } from './queries';
import { str, toActivity, toNetwork, toOrganisation, toParticipation, toPerson, toProject } from './rows';

export const now = () => new Date().toISOString();
export const hex = (bytes: number) => randomBytes(bytes).toString('hex');
export const newId = (prefix: string, name: string) => `${prefix}-${slug(name) || 'x'}-${hex(3)}`;

/**
 * A statement sent now and awaited later: its failure is handled meanwhile (the transaction fails
 * at its next await anyway) instead of ending the process as an unhandled rejection.
 */
function sent<T>(statement: Promise<T>): Promise<T> {
  statement.catch(() => undefined);
  return statement;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Meta key whose value every graph write replaces. */
export const GRAPH_VERSION = 'graphVersion';
/** The Meta key whose value every write that may change which networks an item is in replaces. */
export const BELONGING_VERSION = 'belongingVersion';
/** The Meta key of the instance's own backup key (BackupRestore), when BACKUP_KEY does not give one. */
export const BACKUP_KEY = 'backupKey';
/**
 * Meta keys that are this database's own: a backup leaves them out, and a restore neither takes
 * them from the file nor loses them (it sets new versions and keeps the backup key).
 */
export const isLocalMetaKey = (key: unknown) => key === GRAPH_VERSION || key === BELONGING_VERSION || key === BACKUP_KEY;

export type ItemLabel = 'Organisation' | 'Project' | 'Activity' | 'Network';
export const KIND_OF_LABEL: Record<ItemLabel, ChangeEntityKind> = {
  Organisation: 'ORGANISATION',
  Project: 'PROJECT',
  Activity: 'ACTIVITY',
  Network: 'NETWORK',
};
export const LABEL_OF_TARGET: Record<ParticipationTarget, 'Project' | 'Activity' | 'Network'> = {
  PROJECT: 'Project',
  ACTIVITY: 'Activity',
  NETWORK: 'Network',
};

export class StoreContext {
  readonly q: Queries;
  /** The last change time given out: changes of this process get strictly increasing times. */
  private lastChangeAt = '';
  /** The engine with every write setting a new graph version. */
  readonly db: StorageEngine;
  /** The engine itself, for transactions that only read (a backup). */
  readonly reads: StorageEngine;
  /** Write transactions known to leave every item in the networks it was in. */
  private readonly belongingKept = new WeakSet<EngineTx>();
  private readonly pages = new PageCache();
  /** Statements of a write sent but not yet awaited (its Change): awaited with the last ones. */
  private readonly pending = new WeakMap<EngineTx, Promise<unknown>[]>();

  constructor(engine: StorageEngine) {
    this.q = engine.queries;
    this.reads = engine;
    // Every graph write, whichever method runs it, sets a new graph version in its own transaction:
    // kept snapshots and access facts are valid while it stays, in this process and in any other
    // (a second app instance on the same Neo4j, the command line on the same SQLite file). It is set
    // first: that write lock keeps other processes' writes (and backups) out until commit, so what a
    // write checks, such as an update's expectedUpdatedAt, still holds when it writes, on Neo4j as
    // under SQLite's BEGIN IMMEDIATE. And again last, as a restore replaces the Meta table.
    // The belonging version moves too unless the write is known to leave network membership as it
    // was (most edits): what private networks hide is then still valid, and is not read again.
    this.db = {
      ...engine,
      read: (query, params) => engine.read(query, params),
      // Statements not awaited one by one are sent together (Bolt pipelines them in order): on a
      // busy server each await is a round trip.
      write: (work) =>
        engine.write(async (tx) => {
          const value = hex(8);
          const locked = sent(tx.run(this.q.meta.set, { key: GRAPH_VERSION, value }));
          const result = await work(tx);
          await Promise.all([
            locked,
            ...(this.pending.get(tx) ?? []),
            tx.run(this.q.meta.set, { key: GRAPH_VERSION, value }),
            this.belongingKept.has(tx) ? null : tx.run(this.q.meta.set, { key: BELONGING_VERSION, value }),
          ]);
          return result;
        }),
      migrate: () => engine.migrate(),
      close: () => engine.close(),
    };
  }

  // Coalesced: one look-up answers every request that asked while the previous one was in flight.
  private readonly graphVersionRead = coalescedRead(() => this.readVersion(GRAPH_VERSION));
  private readonly belongingVersionRead = coalescedRead(() => this.readVersion(BELONGING_VERSION));

  /** Changes with every committed graph write; reading it is one key look-up. */
  graphVersion(): Promise<string> {
    return this.graphVersionRead();
  }

  /** Changes with every committed write that may change which networks an item is in. */
  belongingVersion(): Promise<string> {
    return this.belongingVersionRead();
  }

  private async readVersion(key: string): Promise<string> {
    const [row] = await this.reads.read(this.q.meta.get, { key });
    return row ? String(row.value) : '';
  }

  // ── recording a write ─────────────────────────────────────────────────────────────────────

  /** One write, and the one Change recording it, in one transaction. */
  recorded<T>(actor: Actor, work: (tx: EngineTx, log: ChangeLog) => Promise<T>): Promise<T> {
    return this.db.write(async (tx) => {
      const log = new ChangeLog();
      const result = await work(tx, log);
      if (!log.empty) this.pending.set(tx, [sent(this.saveChange(tx, log, actor))]);
      if (log.keepsBelonging) this.belongingKept.add(tx);
      return result;
    });
  }

  async saveChange(tx: EngineTx, log: ChangeLog, actor: Actor): Promise<Change> {
    const at = this.changeTime();
    const change = log.build(`chg-${hex(8)}`, at, actor);
    const { actor: by, effects, ...fields } = change;
    await tx.run(this.q.change.create, {
      ...fields,
      actorId: by.id,
      actorEmail: by.email,
      sortKey: `${at}\u0001${change.id}`,
      effects: JSON.stringify(effects),
    });
    return change;
  }

  /** Now, but strictly after the previous change of this process, so the history has one order. */
  changeTime(): string {
    let at = now();
    if (at <= this.lastChangeAt) at = new Date(Date.parse(this.lastChangeAt) + 1).toISOString();
    this.lastChangeAt = at;
    return at;
  }

  // ── reading ───────────────────────────────────────────────────────────────────────────────

  /**
   * One page in sort order. Hidden items are skipped here rather than sent to the database: a
   * caller's hidden set can hold thousands of ids, and binding them to every page query cost more
   * than the page. A page reads a quarter more rows than it shows and reads on when hidden ones took their place.
   */
  async page<T extends { id: string }>(listQuery: string, countQuery: string, args: PageArgs, map: (row: Row) => T, extra: Params): Promise<Page<T>> {
    const first = pageSize(args.first);
    const q = args.search ? foldText(args.search) || null : null;
    const hidden = args.excludeIds ?? new Set<string>();
    const wanted = first + 1 + Math.min(hidden.size, Math.ceil((first + 1) / 4));
    const readRows = async () => {
      const rows: Row[] = [];
      // '' sorts before every key: the first page is a range like the others.
      let after = args.after ? decodeCursor(args.after) : '';
      const version = await this.graphVersion();
      for (;;) {
        const params = { ...extra, q, after, limit: wanted, hidden: [] };
        const batch = await this.pages.get(version, `${listQuery}\n${JSON.stringify(params)}`, () => this.db.read(listQuery, params));
        rows.push(...batch.filter((row) => !hidden.has(String(row.id))));
        if (rows.length > first || batch.length < wanted) return rows;
        after = String(batch[batch.length - 1].sortKey);
      }
    };
    const [rows, count] = await Promise.all([
      readRows(),
      args.withTotal === false ? null : this.db.read(countQuery, { ...extra, q, after: null, hidden: [...hidden] }).then(([row]) => Number(row.n)),
    ]);
    const items = rows.slice(0, first);
    const last = items[items.length - 1];
    return {
      items: items.map(map),
      totalCount: count,
      endCursor: last ? encodeCursor(String(last.sortKey)) : null,
      hasNextPage: rows.length > first,
    };
  }

  async mustGetOrganisation(tx: EngineTx, id: string): Promise<Organisation> {
    const [row] = await tx.run(this.q.organisation.get, { id });
    if (!row) throw notFound('Organisation', id);
    return toOrganisation(row);
  }

  async mustGetProject(tx: EngineTx, id: string): Promise<Project> {
    const [row] = await tx.run(this.q.project.get, { id });
    if (!row) throw notFound('Project', id);
    return toProject(row);
  }

  async mustGetActivity(tx: EngineTx, id: string): Promise<Activity> {
    const [row] = await tx.run(this.q.activity.get, { id });
    if (!row) throw notFound('Activity', id);
    return toActivity(row);
  }

  async mustGetNetwork(tx: EngineTx, id: string): Promise<Network> {
    const [row] = await tx.run(this.q.network.get, { id });
    if (!row) throw notFound('Network', id);
    return toNetwork(row);
  }

  async mustGetPerson(tx: EngineTx, id: string): Promise<Person> {
    const [row] = await tx.run(this.q.person.get, { id });
    if (!row) throw notFound('Person', id);
    return toPerson(row);
  }

  /** An organisation's ties; read before any tie is written in the same transaction (H10). */
  async participationsOf(tx: EngineTx, organisationId: string): Promise<(Participation & { createdAt: string | null })[]> {
    return (await tx.run(this.q.participation.list, { org: organisationId })).map((row) => ({
      ...toParticipation(row),
      createdAt: str(row.createdAt),
    }));
  }

  async nameOf(tx: EngineTx, label: ItemLabel, id: string): Promise<string> {
    const [row] = await tx.run(this.q.nameOf[label], { id });
    return row ? String(row.name) : id;
  }

  async links(tx: EngineTx, label: 'Project' | 'Activity', id: string) {
    const [row] = await tx.run(this.q.links.read[label], { id });
    return {
      networkIds: [...((row?.networkIds as string[] | null) ?? [])].sort(),
      methodIds: [...((row?.methodIds as string[] | null) ?? [])].sort(),
      targetGroupIds: [...((row?.targetGroupIds as string[] | null) ?? [])].sort(),
    };
  }

  // ── writing links ─────────────────────────────────────────────────────────────────────────

  async requireMunicipality(tx: EngineTx, code: string) {
    const [row] = await tx.run(this.q.reference.municipality, { code });
    if (!row) throw badInput(`Unknown municipality code "${code}".`, { field: 'municipalityCode' });
  }

  /** Replaces a to-one link (location, project, predecessor…) with `targetId`, or removes it. */
  async relinkOne(tx: EngineTx, link: keyof Queries['links']['one'], id: string, targetId: string | null) {
    const { unlink, link: create } = this.q.links.one[link];
    const unlinked = tx.run(unlink, { id });
    if (!targetId) await unlinked;
    else {
      const [, rows] = await Promise.all([unlinked, tx.run(create, { id, target: targetId })]);
      if (rows.length === 0) throw notFound('Linked item', targetId);
    }
  }

  /** Replaces the network, method and target-group links of a project or activity. */
  async relinkMany(tx: EngineTx, label: 'Project' | 'Activity', id: string, input: ProjectInput | ActivityInput) {
    const sets = { networks: input.networkIds, methods: input.methodIds, targetGroups: input.targetGroupIds };
    for (const [key, ids] of Object.entries(sets) as [keyof typeof sets, string[] | null | undefined][]) {
      const { unlink, link } = this.q.links.many[label][key];
      await tx.run(unlink, { id });
      for (const target of new Set(ids ?? [])) {
        const rows = await tx.run(link, { id, target });
        if (rows.length === 0) throw badInput(`Unknown ${key.replace(/s$/, '')} "${target}".`, { field: `${key}` });
      }
    }
  }
}
