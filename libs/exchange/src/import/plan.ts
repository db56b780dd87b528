import { createHash } from 'node:crypto';
import {
  DEFAULT_SECTOR,
  MUNICIPALITIES,
  ROLES_BY_TARGET,
  checkBusinessId,
  checkWebsite,
  nameKey,
  noChanges,
  overlaps,
  slug,
  type ActivityRecord,
  type ActivityType,
  type BaselinePart,
  type GraphBaseline,
  type GraphChanges,
  type IsoDate,
  type NetworkRecord,
  type OrganisationKind,
  type OrganisationRecord,
  type ParticipationRecord,
  type ParticipationRole,
  type ParticipationTarget,
  type ProjectRecord,
  type Sector,
  type Term,
  type TieSource,
} from '@verkosto/domain';
import { TEMPLATES, matchColumns, type Column, type TemplateKind } from './columns';
import { message, type ImportMessage, type MessageCode, type MessageParams } from './messages';
import { registryReader, type RegistryRecord } from './registry';
import { equivalentMutation, rowKey, type RefusedRows, type RowCheck, type RowWrite } from './rights';
import type { Sheet, SheetRow } from './sheets';
import { guessOrganisationKind, parseAmount, parseChoice, parseDate, type VocabularyName } from './vocabulary';

/**
 * The planner: matches every row of a file against what exists (and against the rows before it),
 * and decides per row — created, updated, unchanged, merged into an organisation already known, or
 * rejected with its reasons. Pure: the store reads the baseline and writes the changes.
 *
 * Matching: organisations by business ID, then by normalised name (nameKey, which also covers the
 * names merged into one); projects by code, then name; activities by name and start date;
 * participations by organisation, target and role. New records get ids derived from those keys, so
 * importing a file twice names the same things and the second time changes nothing. A cell left
 * empty keeps the stored value.
 */
export type SheetKind = TemplateKind | 'registry';
export const ROW_OUTCOMES = ['created', 'updated', 'unchanged', 'merged', 'rejected'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];
export const ENTITY_NAMES = ['organisations', 'projects', 'activities', 'participations'] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

export interface ClassifiedSheet {
  sheet: Sheet;
  kind: SheetKind;
}

export interface RowResult {
  sheet: string;
  line: number;
  kind: SheetKind;
  outcome: RowOutcome;
  /** What the row is about, as the user wrote it: "S10324 HoivaRekry", "Kokkolan kaupunki → KUPO". */
  label: string;
  /** The record the row created or matched (a project for registry rows), when not rejected. */
  id: string | null;
  messages: ImportMessage[];
}

export interface EntityCount {
  created: number;
  updated: number;
  unchanged: number;
}

export interface PlanSummary {
  rows: RowResult[];
  entities: Record<EntityName, EntityCount>;
  /** Distinct organisations named as funders (registry authorities, FUNDER roles). */
  funders: number;
  /** Spellings recorded as other names of an organisation they were merged into. */
  mergedNames: number;
  notices: ImportMessage[];
}

export interface PlanContext {
  fileName: string;
  /** Methods and target groups as stored (users may have extended them). */
  vocabulary: { methods: Term[]; targetGroups: Term[] };
  /** Rows the caller may not write (rights.ts): each is rejected as FORBIDDEN and planned as doing nothing. */
  refused?: RefusedRows;
}

export interface Plan {
  changes: GraphChanges;
  summary: PlanSummary;
  /** Per row of summary.rows, the rights it needs: what it reads and the mutations it amounts to. */
  checks: RowCheck[][];
}

/** What each kind of sheet is matched against. */
export function baselinePartsFor(kinds: SheetKind[]): BaselinePart[] {
  const parts = new Set<BaselinePart>();
  for (const kind of kinds) {
    if (kind === 'organisations') parts.add('organisations');
    else if (kind === 'projects') ['projects', 'networks'].forEach((p) => parts.add(p as BaselinePart));
    else if (kind === 'activities') ['activities', 'projects', 'networks'].forEach((p) => parts.add(p as BaselinePart));
    else ['organisations', 'projects', 'activities', 'networks', 'participations'].forEach((p) => parts.add(p as BaselinePart));
  }
  return [...parts];
}

/** Sheets are planned in dependency order: organisations and projects before what refers to them. */
const ORDER: SheetKind[] = ['organisations', 'projects', 'registry', 'activities', 'participations'];

/** Rows planned between two yields to the event loop: a server keeps answering while a big file is planned. */
const ROWS_PER_STEP = 500;

/**
 * Plans the sheets against the baseline. Asynchronous only to give the event loop a turn every
 * ROWS_PER_STEP rows (and report how many rows are planned); the plan itself is pure.
 */
export async function planImport(sheets: ClassifiedSheet[], baseline: GraphBaseline, context: PlanContext, onProgress?: (rowsPlanned: number) => void): Promise<Plan> {
  let planned = 0;
  const step = async () => {
    if (++planned % ROWS_PER_STEP !== 0) return;
    onProgress?.(planned);
    await new Promise((resolve) => setImmediate(resolve));
  };
  const planner = new Planner(baseline, context);
  const ordered = [...sheets].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  for (const { sheet, kind } of ordered) {
    if (kind === 'registry') await planner.registrySheet(sheet, step);
    else await planner.templateSheet(sheet, kind, step);
  }
  onProgress?.(planned);
  return planner.finish();
}

// ── the working graph ────────────────────────────────────────────────────────────────────────

interface Entry<T> {
  record: T;
  entity: EntityName;
  isNew: boolean;
  /** Fields of a stored record that the import changes. */
  changed: Set<string> | null;
  /** The sheet row that created a new record, for "the same as on row n". */
  originSheet: string | null;
  originLine: number;
}

const shortHash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 8);

/** The same id scheme as dataset loads: importing the same tie twice names it the same. */
const participationId = (org: string, target: string, role: string, from: string | null) =>
  `par-${createHash('sha1')
    .update([org, target, role, from ?? ''].join('|'))
    .digest('hex')
    .slice(0, 16)}`;

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function list<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}

const MUNICIPALITY_BY_KEY = new Map<string, string>(
  MUNICIPALITIES.flatMap((m) => [
    [m.code, m.code],
    [nameKey(m.name), m.code],
    [nameKey(m.nameSv), m.code],
  ]),
);

/** One row's working state: its messages, and how to add a rejection reason. */
class RowContext {
  readonly messages: ImportMessage[] = [];
  constructor(
    readonly sheet: string,
    readonly line: number,
    readonly kind: SheetKind,
  ) {}
  error(code: MessageCode, params: MessageParams = {}) {
    this.messages.push(message('error', code, params));
  }
  note(severity: 'warning' | 'info', code: MessageCode, params: MessageParams = {}) {
    this.messages.push(message(severity, code, params));
  }
  get rejected() {
    return this.messages.some((m) => m.severity === 'error');
  }
}

class Planner {
  /** nameKey, remembered: the same names come up on many rows (an import's own cache, dropped with it). */
  private readonly keys = new Map<string, string>();
  private readonly key = (name: string): string => {
    let key = this.keys.get(name);
    if (key === undefined) this.keys.set(name, (key = nameKey(name)));
    return key;
  };
  private readonly orgs = new Map<string, Entry<OrganisationRecord>>();
  private readonly orgByBusinessId = new Map<string, Entry<OrganisationRecord>>();
  private readonly orgByName = new Map<string, Entry<OrganisationRecord>>();
  private readonly projects = new Map<string, Entry<ProjectRecord>>();
  private readonly projectByCode = new Map<string, Entry<ProjectRecord>>();
  private readonly projectsByName = new Map<string, Entry<ProjectRecord>[]>();
  private readonly activities = new Map<string, Entry<ActivityRecord>>();
  private readonly activitiesByName = new Map<string, Entry<ActivityRecord>[]>();
  private readonly networksByName = new Map<string, NetworkRecord[]>();
  private readonly participationsByKey = new Map<string, Entry<ParticipationRecord>[]>();
  private readonly participations: Entry<ParticipationRecord>[] = [];
  private readonly usedIds = new Set<string>();
  private readonly touched = new Set<Entry<unknown>>();
  private readonly funders = new Set<string>();
  private readonly methods: Map<string, string>;
  private readonly targetGroups: Map<string, string>;
  private readonly rows: RowResult[] = [];
  private readonly notices: ImportMessage[] = [];
  private mergedNames = 0;
  private kindsGuessed = 0;
  /** Fields changed while planning the current row, to tell its outcome. */
  private edits: { entry: Entry<unknown>; field: string }[] = [];
  /** Stored items the current row matched or named, and records it created: for its rights. */
  private reads = new Set<string>();
  private made: Entry<unknown>[] = [];
  private readonly checks: RowCheck[][] = [];

  constructor(
    baseline: GraphBaseline,
    private readonly context: PlanContext,
  ) {
    for (const o of baseline.organisations) this.indexOrganisation(this.existing({ ...o, mergedNames: [...o.mergedNames] }, 'organisations'));
    for (const p of baseline.projects) this.indexProject(this.existing({ ...p }, 'projects'));
    for (const a of baseline.activities) this.indexActivity(this.existing({ ...a }, 'activities'));
    for (const n of baseline.networks) {
      this.usedIds.add(n.id);
      list(this.networksByName, this.key(n.name), n);
    }
    for (const p of baseline.participations) this.indexParticipation(this.existing({ ...p }, 'participations'));
    const terms = (items: Term[]) => new Map(items.flatMap((t) => [t.id, t.nameFi, t.nameSv, t.nameEn].map((name) => [this.key(name), t.id] as const)));
    this.methods = terms(context.vocabulary.methods);
    this.targetGroups = terms(context.vocabulary.targetGroups);
  }

  private existing<T extends { id: string }>(record: T, entity: EntityName): Entry<T> {
    this.usedIds.add(record.id);
    return { record, entity, isNew: false, changed: null, originSheet: null, originLine: 0 };
  }

  private created<T extends { id: string }>(record: T, entity: EntityName, ctx: RowContext): Entry<T> {
    this.usedIds.add(record.id);
    const entry: Entry<T> = { record, entity, isNew: true, changed: null, originSheet: ctx.sheet, originLine: ctx.line };
    this.made.push(entry as Entry<unknown>);
    return entry;
  }

  /** Notes stored items the current row matched or named (ambiguous candidates too: their count is reported). */
  private saw<T extends { id: string }>(...entries: (Entry<T> | null | undefined)[]): void {
    for (const entry of entries) if (entry && !entry.isNew) this.reads.add(entry.record.id);
  }

  /** A stable id from a key; a clash with an unrelated record gets a numbered suffix. */
  private newId(base: string): string {
    let id = base;
    for (let n = 2; this.usedIds.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  private indexOrganisation(entry: Entry<OrganisationRecord>) {
    const o = entry.record;
    this.orgs.set(o.id, entry);
    if (o.businessId && !this.orgByBusinessId.has(o.businessId)) this.orgByBusinessId.set(o.businessId, entry);
    for (const name of [o.name, ...o.mergedNames]) if (!this.orgByName.has(this.key(name))) this.orgByName.set(this.key(name), entry);
  }

  private indexProject(entry: Entry<ProjectRecord>) {
    const p = entry.record;
    this.projects.set(p.id, entry);
    if (p.code) this.projectByCode.set(p.code, entry);
    list(this.projectsByName, this.key(p.name), entry);
  }

  private indexActivity(entry: Entry<ActivityRecord>) {
    this.activities.set(entry.record.id, entry);
    list(this.activitiesByName, this.key(entry.record.name), entry);
  }

  private indexParticipation(entry: Entry<ParticipationRecord>) {
    const p = entry.record;
    this.participations.push(entry);
    list(this.participationsByKey, `${p.organisationId}|${p.targetId}|${p.role}`, entry);
  }

  /** Sets a field and remembers that it changed, for the record and for the current row. */
  private set<T extends object, K extends keyof T & string>(entry: Entry<T>, field: K, value: T[K]): void {
    if (same(entry.record[field], value)) return;
    entry.record[field] = value;
    if (!entry.isNew) (entry.changed ??= new Set()).add(field);
    this.edits.push({ entry: entry as Entry<unknown>, field });
  }

  private startRow(sheet: string, line: number, kind: SheetKind): RowContext {
    this.edits = [];
    this.reads = new Set();
    this.made = [];
    return new RowContext(sheet, line, kind);
  }

  /** A row refused for the caller's rights: rejected as FORBIDDEN under its label, and nothing else planned or said. */
  private refuse(ctx: RowContext): boolean {
    const label = this.context.refused?.get(rowKey(ctx.sheet, ctx.line));
    if (label === undefined) return false;
    ctx.error('FORBIDDEN');
    this.finishRow(ctx, label, null, 'unchanged');
    return true;
  }

  private finishRow(ctx: RowContext, label: string, id: string | null, outcome: Exclude<RowOutcome, 'rejected'>) {
    this.checks.push(this.rowChecks());
    const rejected = ctx.rejected;
    this.rows.push({
      sheet: ctx.sheet,
      line: ctx.line,
      kind: ctx.kind,
      outcome: rejected ? 'rejected' : outcome,
      label,
      id: rejected ? null : id,
      messages: ctx.messages,
    });
  }

  /** The current row's rights: a read of each stored item it saw, and the mutation of each record it creates or changes. */
  private rowChecks(): RowCheck[] {
    const written = new Map<Entry<unknown>, Set<string>>(this.made.map((entry) => [entry, new Set()]));
    for (const { entry, field } of this.edits) {
      if (!written.has(entry)) written.set(entry, new Set());
      written.get(entry)!.add(field);
    }
    const writes = [...written].map(([entry, fields]) => ({ entity: entry.entity, record: entry.record, created: this.made.includes(entry), fields: [...fields] }) as RowWrite);
    return [...[...this.reads].map((id) => ({ read: id })), ...writes.map(equivalentMutation)];
  }

  /**
   * What the row did to the record it is about: created it, changed fields of it (listed; other
   * names are reported as merges instead), or neither — then a record an earlier row made is named.
   */
  private matchOutcome<T>(ctx: RowContext, entry: Entry<T>, quiet = false): 'created' | 'updated' | 'unchanged' {
    this.touched.add(entry as Entry<unknown>);
    if (entry.originSheet === ctx.sheet && entry.originLine === ctx.line) return 'created';
    const edited = this.edits.filter((e) => e.entry === entry).map((e) => e.field);
    const fields = [...new Set(edited.filter((f) => f !== 'mergedNames'))];
    if (fields.length > 0) {
      if (!quiet) ctx.note('info', 'changed', { fields: fields.join(',') });
      return 'updated';
    }
    if (entry.originSheet !== null && edited.length === 0 && !quiet) ctx.note('info', 'sameAsRow', { line: entry.originLine });
    return 'unchanged';
  }

  // ── organisations ──────────────────────────────────────────────────────────────────────────

  /**
   * Finds or creates an organisation. A spelling that differs from the stored name is recorded
   * among its other names (the merge is reported on the row); a business ID already held by
   * another organisation of the same name is a conflict the user must settle.
   */
  private organisation(
    ctx: RowContext,
    input: { name: string; businessId: string | null; kind: OrganisationKind | null; guessedKind: OrganisationKind },
  ): { entry: Entry<OrganisationRecord>; merged: boolean } | null {
    const byId = input.businessId ? this.orgByBusinessId.get(input.businessId) : undefined;
    const byName = this.orgByName.get(this.key(input.name));
    if (!byId && byName?.record.businessId && input.businessId && byName.record.businessId !== input.businessId) {
      this.saw(byName);
      ctx.error('businessIdConflict', { name: byName.record.name, existing: byName.record.businessId, given: input.businessId });
      return null;
    }
    const match = byId ?? byName;
    this.saw(match);
    if (!match) {
      const kind = input.kind ?? input.guessedKind;
      const id = this.newId(input.businessId ? `org-${input.businessId}` : `org-${slug(input.name) || 'x'}-${shortHash(this.key(input.name))}`);
      const entry = this.created<OrganisationRecord>(
        {
          id,
          name: input.name,
          kind,
          sector: DEFAULT_SECTOR[kind],
          businessId: input.businessId,
          municipalityCode: null,
          website: null,
          permanent: true,
          mergedNames: [],
        },
        'organisations',
        ctx,
      );
      this.indexOrganisation(entry);
      this.touched.add(entry as Entry<unknown>);
      return { entry, merged: false };
    }
    this.touched.add(match as Entry<unknown>);
    if (input.businessId && !match.record.businessId) {
      this.set(match, 'businessId', input.businessId);
      this.orgByBusinessId.set(input.businessId, match);
    }
    let merged = false;
    const known = [match.record.name, ...match.record.mergedNames];
    if (!known.includes(input.name)) {
      this.set(match, 'mergedNames', [...match.record.mergedNames, input.name].sort());
      if (!this.orgByName.has(this.key(input.name))) this.orgByName.set(this.key(input.name), match);
      this.mergedNames++;
      merged = true;
      if (byId && this.key(input.name) !== this.key(match.record.name)) {
        ctx.note('info', 'matchedByBusinessId', { name: input.name, as: match.record.name, businessId: input.businessId ?? '' });
      } else {
        ctx.note('info', 'sameOrganisation', { name: input.name, as: match.record.name });
      }
    }
    return { entry: match, merged };
  }

  // ── templates ──────────────────────────────────────────────────────────────────────────────

  async templateSheet(sheet: Sheet, kind: TemplateKind, step: () => Promise<void>) {
    const template = TEMPLATES[kind];
    const { columns, unknown } = matchColumns(template, sheet.header);
    if (unknown.length > 0) this.notices.push(message('warning', 'columnsIgnored', { columns: unknown.join(', ') }));
    const headerOf = (c: Column) => sheet.header[columns.indexOf(c)] ?? c.headers.fi;
    for (const row of sheet.rows) {
      const ctx = this.startRow(sheet.name, row.line, kind);
      if (this.refuse(ctx)) {
        await step();
        continue;
      }
      const cells = new Cells(row, columns, headerOf, ctx);
      for (const c of template.columns) if (c.required && !cells.text(c.key)) ctx.error('required', { column: headerOf(c) });
      if (kind === 'organisations') this.organisationRow(ctx, cells);
      else if (kind === 'projects') this.projectRow(ctx, cells);
      else if (kind === 'activities') this.activityRow(ctx, cells);
      else this.participationRow(ctx, cells);
      await step();
    }
  }

  private organisationRow(ctx: RowContext, cells: Cells) {
    const name = cells.name('name');
    const businessId = cells.businessId('businessId');
    const kind = cells.choice('kind', 'kind') as OrganisationKind | null;
    const sector = cells.choice('sector', 'sector') as Sector | null;
    const municipalityCode = cells.municipality('municipality');
    const website = cells.website('website');
    const permanent = cells.choice('permanent', 'boolean');
    if (ctx.rejected || !name) return this.finishRow(ctx, name ?? '', null, 'unchanged');
    const guessedKind = guessOrganisationKind(name);
    const found = this.organisation(ctx, { name, businessId, kind, guessedKind });
    if (!found) return this.finishRow(ctx, name, null, 'unchanged');
    const { entry, merged } = found;
    if (!kind && entry.originLine === ctx.line && entry.originSheet === ctx.sheet) {
      ctx.note('warning', 'kindGuessed', { kind: guessedKind });
    }
    if (kind) this.set(entry, 'kind', kind);
    if (sector) this.set(entry, 'sector', sector);
    else if (kind && entry.isNew) this.set(entry, 'sector', DEFAULT_SECTOR[kind]);
    if (municipalityCode) this.set(entry, 'municipalityCode', municipalityCode);
    if (website) this.set(entry, 'website', website);
    if (permanent) this.set(entry, 'permanent', permanent === 'true');
    const outcome = this.matchOutcome(ctx, entry);
    this.finishRow(ctx, name, entry.record.id, merged && outcome !== 'created' ? 'merged' : outcome);
  }

  private projectRow(ctx: RowContext, cells: Cells) {
    const code = cells.text('code')?.toUpperCase() ?? null;
    const name = cells.name('name');
    const [startDate, endDate] = cells.period('startDate', 'endDate');
    const money = {
      budget: cells.amount('budget', false),
      publicFunding: cells.amount('publicFunding', false),
      grantedFunding: cells.amount('grantedFunding', false),
      paidFunding: cells.amount('paidFunding', true),
    };
    const predecessor = cells.text('predecessor');
    const predecessorEntry = predecessor ? this.findProject(ctx, predecessor, 'unknownProject') : null;
    const networkIds = cells.list('networks', (v) => this.networkId(ctx, v));
    const methodIds = cells.list('methods', (v) => this.term(ctx, this.methods, v, 'unknownMethod'));
    const targetGroupIds = cells.list('targetGroups', (v) => this.term(ctx, this.targetGroups, v, 'unknownTargetGroup'));
    const label = [code, name].filter(Boolean).join(' ');
    if (ctx.rejected || !name) return this.finishRow(ctx, label, null, 'unchanged');

    let entry = code ? this.projectByCode.get(code) : undefined;
    if (!entry && !code) {
      const named = this.projectsByName.get(this.key(name)) ?? [];
      this.saw(...named);
      if (named.length > 1) {
        ctx.error('ambiguousName', { value: name, count: named.length });
        return this.finishRow(ctx, label, null, 'unchanged');
      }
      entry = named[0];
    }
    this.saw(entry);
    if (!entry) {
      entry = this.created<ProjectRecord>(
        {
          ...emptyProject(),
          id: this.newId(code ? `prj-${slug(code)}` : `prj-${slug(name) || 'x'}-${shortHash(this.key(name))}`),
          code,
          name,
        },
        'projects',
        ctx,
      );
      this.indexProject(entry);
    }
    if (predecessorEntry && predecessorEntry === entry) ctx.error('followsItself');
    if (ctx.rejected) return this.finishRow(ctx, label, null, 'unchanged');
    this.set(entry, 'name', name);
    for (const field of ['programme', 'fund', 'priorityAxis', 'description', 'outputs'] as const) {
      const value = cells.text(field);
      if (value) this.set(entry, field, value);
    }
    if (startDate) this.set(entry, 'startDate', startDate);
    if (endDate) this.set(entry, 'endDate', endDate);
    for (const [field, value] of Object.entries(money) as [keyof typeof money, number | null][]) if (value !== null) this.set(entry, field, value);
    if (predecessorEntry) this.set(entry, 'predecessorId', predecessorEntry.record.id);
    if (networkIds) this.set(entry, 'networkIds', networkIds);
    if (methodIds) this.set(entry, 'methodIds', methodIds);
    if (targetGroupIds) this.set(entry, 'targetGroupIds', targetGroupIds);
    this.finishRow(ctx, label, entry.record.id, this.matchOutcome(ctx, entry));
  }

  private activityRow(ctx: RowContext, cells: Cells) {
    const name = cells.name('name');
    const type = cells.choice('type', 'activityType') as ActivityType | null;
    const [startDate, endDate] = cells.period('startDate', 'endDate');
    const municipalityCode = cells.municipality('municipality');
    const project = cells.text('project');
    const projectEntry = project ? this.findProject(ctx, project, 'unknownProject') : null;
    const networkIds = cells.list('networks', (v) => this.networkId(ctx, v));
    const methodIds = cells.list('methods', (v) => this.term(ctx, this.methods, v, 'unknownMethod'));
    const targetGroupIds = cells.list('targetGroups', (v) => this.term(ctx, this.targetGroups, v, 'unknownTargetGroup'));
    const description = cells.text('description');
    let entry = name ? this.findActivity(name, startDate) : undefined;
    const continues = cells.text('continues');
    const earlier = continues ? this.earlierActivity(continues, startDate, entry) : null;
    this.saw(entry, earlier);
    if (continues && !earlier) ctx.error(this.key(continues) === this.key(name ?? '') ? 'continuesItself' : 'unknownEarlierActivity', { value: continues });
    if (ctx.rejected || !name || !type) return this.finishRow(ctx, name ?? '', null, 'unchanged');
    if (!entry) {
      entry = this.created<ActivityRecord>(
        {
          id: this.newId(`act-${slug(name) || 'x'}-${shortHash(`${this.key(name)}|${startDate ?? ''}`)}`),
          name,
          type,
          startDate,
          endDate,
          municipalityCode: null,
          description: null,
          projectId: null,
          continuesId: null,
          networkIds: [],
          methodIds: [],
          targetGroupIds: [],
        },
        'activities',
        ctx,
      );
      this.indexActivity(entry);
    }
    this.set(entry, 'type', type);
    if (startDate) this.set(entry, 'startDate', startDate);
    if (endDate) this.set(entry, 'endDate', endDate);
    if (municipalityCode) this.set(entry, 'municipalityCode', municipalityCode);
    if (description) this.set(entry, 'description', description);
    if (projectEntry) this.set(entry, 'projectId', projectEntry.record.id);
    if (earlier) this.set(entry, 'continuesId', earlier.record.id);
    if (networkIds) this.set(entry, 'networkIds', networkIds);
    if (methodIds) this.set(entry, 'methodIds', methodIds);
    if (targetGroupIds) this.set(entry, 'targetGroupIds', targetGroupIds);
    this.finishRow(ctx, name, entry.record.id, this.matchOutcome(ctx, entry));
  }

  private participationRow(ctx: RowContext, cells: Cells) {
    const orgName = cells.name('organisation');
    const businessId = cells.businessId('businessId');
    const targetText = cells.text('target');
    const targetKind = cells.choice('targetKind', 'targetKind') as ParticipationTarget | null;
    const role = cells.choice('role', 'role') as ParticipationRole | null;
    const [validFrom, validTo] = cells.period('validFrom', 'validTo');
    const label = `${orgName ?? ''} → ${targetText ?? ''}`;
    if (ctx.rejected || !orgName || !targetText || !role) return this.finishRow(ctx, label, null, 'unchanged');

    const org = this.findOrganisation(ctx, orgName, businessId);
    const target = this.findTarget(ctx, targetText, targetKind, validFrom);
    if (org && target && !ROLES_BY_TARGET[target.kind].includes(role)) {
      ctx.error('roleNotForTarget', { role, targetKind: target.kind, allowed: `roles:${target.kind}` });
    }
    if (ctx.rejected || !org || !target) return this.finishRow(ctx, label, null, 'unchanged');
    if (role === 'FUNDER') this.funders.add(org.record.id);
    const { entry, outcome } = this.participation(ctx, {
      organisationId: org.record.id,
      targetId: target.id,
      targetKind: target.kind,
      role,
      validFrom,
      validTo,
      source: { kind: 'IMPORT', ref: `${this.context.fileName}#${this.sheetPrefix(ctx)}row ${ctx.line}` },
    });
    this.finishRow(ctx, label, entry?.record.id ?? null, outcome);
  }

  private sheetPrefix(ctx: RowContext) {
    return ctx.sheet === this.context.fileName ? '' : `${ctx.sheet} `;
  }

  /**
   * Adds a tie or finds it: the same organisation, target, role and start date is the same tie
   * (its end date may change); another overlapping period with the same role is refused, as a
   * single entry would be. `samePeriodKey` false lets a registry tie follow its project's dates.
   */
  private participation(
    ctx: RowContext,
    p: Omit<ParticipationRecord, 'id'>,
    samePeriodKey = true,
  ): { entry: Entry<ParticipationRecord> | null; outcome: 'created' | 'updated' | 'unchanged' } {
    const key = `${p.organisationId}|${p.targetId}|${p.role}`;
    const ties = this.participationsByKey.get(key) ?? [];
    const match = samePeriodKey ? ties.find((t) => t.record.validFrom === p.validFrom) : ties[0];
    if (match) {
      const edited = this.edits.length;
      if (!samePeriodKey && p.validFrom) this.set(match, 'validFrom', p.validFrom);
      if (p.validTo) this.set(match, 'validTo', p.validTo);
      if (this.edits.length > edited) this.set(match, 'source', p.source);
      // A registry row speaks of its project; its ties following the project's dates go unremarked.
      return { entry: match, outcome: this.matchOutcome(ctx, match, !samePeriodKey) };
    }
    const clash = ties.find((t) => overlaps(t.record.validFrom, t.record.validTo, p.validFrom, p.validTo));
    if (clash) {
      ctx.error('overlappingParticipation', { from: clash.record.validFrom ?? '…', to: clash.record.validTo ?? '…' });
      return { entry: null, outcome: 'unchanged' };
    }
    const entry = this.created<ParticipationRecord>({ ...p, id: this.newId(participationId(p.organisationId, p.targetId, p.role, p.validFrom)) }, 'participations', ctx);
    this.indexParticipation(entry);
    this.touched.add(entry as Entry<unknown>);
    return { entry, outcome: 'created' };
  }

  // ── lookups ────────────────────────────────────────────────────────────────────────────────

  private findOrganisation(ctx: RowContext, name: string, businessId: string | null): Entry<OrganisationRecord> | null {
    const byId = businessId ? this.orgByBusinessId.get(businessId) : undefined;
    this.saw(byId);
    if (byId) return byId;
    const byName = this.orgByName.get(this.key(name));
    this.saw(byName);
    if (byName && businessId && byName.record.businessId && byName.record.businessId !== businessId) {
      ctx.error('businessIdConflict', { name: byName.record.name, existing: byName.record.businessId, given: businessId });
      return null;
    }
    if (!byName) ctx.error('unknownOrganisation', { value: name });
    return byName ?? null;
  }

  /** A project by its code or its (unique) name. */
  private findProject(ctx: RowContext, text: string, missing: MessageCode): Entry<ProjectRecord> | null {
    const byCode = this.projectByCode.get(text.trim().toUpperCase());
    const named = byCode ? [byCode] : (this.projectsByName.get(this.key(text)) ?? []);
    this.saw(...named);
    if (named.length === 1) return named[0];
    if (named.length > 1) ctx.error('ambiguousName', { value: text, count: named.length });
    else ctx.error(missing, { value: text });
    return null;
  }

  /** The activity of this name and start date; one of this name whose date is unknown on either side. */
  private findActivity(name: string, startDate: IsoDate | null): Entry<ActivityRecord> | undefined {
    const named = this.activitiesByName.get(this.key(name)) ?? [];
    const exact = named.find((a) => a.record.startDate === startDate);
    if (exact) return exact;
    const loose = named.filter((a) => a.record.startDate === null || startDate === null);
    return loose.length === 1 ? loose[0] : undefined;
  }

  /** The latest activity of that name that began before this one (the previous season). */
  private earlierActivity(name: string, startDate: IsoDate | null, self: Entry<ActivityRecord> | undefined) {
    const candidates = (this.activitiesByName.get(this.key(name)) ?? []).filter((a) => a !== self && (!startDate || !a.record.startDate || a.record.startDate < startDate));
    return candidates.sort((a, b) => (a.record.startDate ?? '').localeCompare(b.record.startDate ?? '')).pop() ?? null;
  }

  /**
   * A participation's target: a project by code, or a project, activity or network by name. Among
   * activities of one name the one running on the tie's start date is meant.
   */
  private findTarget(ctx: RowContext, text: string, kind: ParticipationTarget | null, at: IsoDate | null) {
    const key = this.key(text);
    const found: { id: string; kind: ParticipationTarget }[] = [];
    if (!kind || kind === 'PROJECT') {
      const byCode = this.projectByCode.get(text.trim().toUpperCase());
      const projects = byCode ? [byCode] : (this.projectsByName.get(key) ?? []);
      this.saw(...projects);
      found.push(...projects.map((p) => ({ id: p.record.id, kind: 'PROJECT' as const })));
    }
    if (!kind || kind === 'ACTIVITY') {
      let named = this.activitiesByName.get(key) ?? [];
      if (named.length > 1 && at) {
        const running = named.filter((a) => overlaps(a.record.startDate, a.record.endDate, at, at));
        if (running.length > 0) named = running;
      }
      this.saw(...named);
      found.push(...named.map((a) => ({ id: a.record.id, kind: 'ACTIVITY' as const })));
    }
    if (!kind || kind === 'NETWORK') {
      const networks = this.networksByName.get(key) ?? [];
      for (const n of networks) this.reads.add(n.id);
      found.push(...networks.map((n) => ({ id: n.id, kind: 'NETWORK' as const })));
    }
    if (found.length === 1) return found[0];
    if (found.length === 0) ctx.error('unknownTarget', { value: text });
    else ctx.error('ambiguousTarget', { value: text, count: found.length });
    return null;
  }

  private networkId(ctx: RowContext, text: string): string | null {
    const networks = this.networksByName.get(this.key(text)) ?? [];
    for (const n of networks) this.reads.add(n.id);
    if (networks.length !== 1) {
      ctx.error('unknownNetwork', { value: text });
      return null;
    }
    return networks[0].id;
  }

  private term(ctx: RowContext, terms: Map<string, string>, text: string, missing: MessageCode): string | null {
    const id = terms.get(this.key(text));
    if (!id) ctx.error(missing, { value: text });
    return id ?? null;
  }

  // ── the registry ───────────────────────────────────────────────────────────────────────────

  /**
   * The structural-fund list: each row a project with its lead implementer (LEAD) and funding
   * authority (FUNDER), both as organisations. New organisations take the file's best spelling of
   * their name (mixed case over capitals, then the commonest); the other spellings are recorded.
   */
  async registrySheet(sheet: Sheet, step: () => Promise<void>) {
    const read = registryReader(sheet);
    const parsed = sheet.rows.map((row) => ({ row, ...read(row) }));
    const spelling = preferredSpellings(
      this.key,
      parsed.flatMap(({ record }) => (record ? [record.implementer, record.authority] : [])),
    );
    const codes = new Map<string, number>();
    const source = (code: string): TieSource => ({ kind: 'REGISTRY', ref: `${this.context.fileName}#${code}` });
    const organisation = (ctx: RowContext, name: string, businessId: string | null, fallback: OrganisationKind) => {
      const key = this.key(name);
      if (!this.orgByName.has(key) && !(businessId && this.orgByBusinessId.has(businessId))) {
        // New: created under the file's preferred spelling; this row's own spelling, if another, merges into it.
        const preferred = spelling.get(key) ?? name;
        this.organisation(ctx, { name: preferred, businessId, kind: null, guessedKind: guessOrganisationKind(preferred, fallback) });
        this.kindsGuessed++;
      }
      return this.organisation(ctx, { name, businessId, kind: null, guessedKind: fallback })?.entry ?? null;
    };

    const planRow = ({ row, record, messages, label }: (typeof parsed)[number]) => {
      const ctx = this.startRow(sheet.name, row.line, 'registry');
      if (this.refuse(ctx)) return;
      ctx.messages.push(...messages);
      if (!record) {
        this.finishRow(ctx, label, null, 'unchanged');
        return;
      }
      const earlier = codes.get(record.code);
      if (earlier !== undefined) {
        ctx.error('duplicateCode', { code: record.code, line: earlier });
        this.finishRow(ctx, label, null, 'unchanged');
        return;
      }
      codes.set(record.code, row.line);
      const project = this.registryProject(ctx, record);
      const lead = record.implementer ? organisation(ctx, record.implementer, record.implementerBusinessId, 'OTHER') : null;
      const funder = record.authority ? organisation(ctx, record.authority, null, 'AUTHORITY') : null;
      const outcome = this.matchOutcome(ctx, project);
      const tie = (org: Entry<OrganisationRecord>, role: 'LEAD' | 'FUNDER') =>
        this.participation(
          ctx,
          {
            organisationId: org.record.id,
            targetId: project.record.id,
            targetKind: 'PROJECT',
            role,
            validFrom: record.startDate,
            validTo: record.endDate,
            source: source(record.code),
          },
          false,
        );
      if (lead) tie(lead, 'LEAD');
      if (funder) {
        tie(funder, 'FUNDER');
        this.funders.add(funder.record.id);
      }
      this.finishRow(ctx, label, project.record.id, outcome);
    };
    for (const parsedRow of parsed) {
      planRow(parsedRow);
      await step();
    }
  }

  private registryProject(ctx: RowContext, r: RegistryRecord): Entry<ProjectRecord> {
    let entry = this.projectByCode.get(r.code);
    this.saw(entry);
    if (!entry) {
      entry = this.created<ProjectRecord>({ ...emptyProject(), id: this.newId(`prj-${slug(r.code)}`), code: r.code, name: r.name }, 'projects', ctx);
      this.indexProject(entry);
    }
    this.set(entry, 'name', r.name);
    for (const field of ['fund', 'programme', 'priorityAxis', 'startDate', 'endDate', 'grantedFunding', 'paidFunding', 'budget', 'publicFunding'] as const) {
      const value = r[field];
      if (value !== null) this.set(entry, field, value);
    }
    return entry;
  }

  // ── the result ─────────────────────────────────────────────────────────────────────────────

  finish(): Plan {
    const changes = noChanges();
    const entities = Object.fromEntries(ENTITY_NAMES.map((e) => [e, { created: 0, updated: 0, unchanged: 0 }])) as Record<EntityName, EntityCount>;
    const collect = <T>(name: EntityName, entries: Iterable<Entry<T>>, into: GraphChanges[EntityName]) => {
      const target = into as unknown as { create: T[]; update: { record: T; changed: string[] }[] };
      for (const entry of entries) {
        if (entry.isNew) {
          target.create.push(entry.record);
          entities[name].created++;
        } else if (entry.changed) {
          target.update.push({ record: entry.record, changed: [...entry.changed] });
          entities[name].updated++;
        } else if (this.touched.has(entry as Entry<unknown>)) {
          entities[name].unchanged++;
        }
      }
    };
    collect('organisations', this.orgs.values(), changes.organisations);
    collect('projects', this.projects.values(), changes.projects);
    collect('activities', this.activities.values(), changes.activities);
    collect('participations', this.participations, changes.participations);
    if (this.kindsGuessed > 0) this.notices.push(message('info', 'kindsGuessed', { count: this.kindsGuessed }));
    return {
      changes,
      summary: {
        rows: this.rows,
        entities,
        funders: this.funders.size,
        mergedNames: this.mergedNames,
        notices: this.notices,
      },
      checks: this.checks,
    };
  }
}

function emptyProject(): Omit<ProjectRecord, 'id' | 'code' | 'name'> {
  return {
    programme: null,
    fund: null,
    priorityAxis: null,
    startDate: null,
    endDate: null,
    budget: null,
    publicFunding: null,
    grantedFunding: null,
    paidFunding: null,
    description: null,
    outputs: null,
    predecessorId: null,
    networkIds: [],
    methodIds: [],
    targetGroupIds: [],
  };
}

/** Per name key, the spelling a new organisation gets: mixed case over all capitals, then the commonest, then the first. */
function preferredSpellings(nameKey: (name: string) => string, names: (string | null)[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const name of names) {
    if (!name) continue;
    const key = nameKey(name);
    const spellings = counts.get(key) ?? new Map<string, number>();
    spellings.set(name, (spellings.get(name) ?? 0) + 1);
    counts.set(key, spellings);
  }
  const shouting = (s: string) => s === s.toUpperCase();
  const best = new Map<string, string>();
  for (const [key, spellings] of counts) {
    const ranked = [...spellings.entries()].sort(([a, na], [b, nb]) => Number(shouting(a)) - Number(shouting(b)) || nb - na);
    best.set(key, ranked[0][0]);
  }
  return best;
}

/** A template row's cells by column key, with the checks every column kind needs. */
class Cells {
  private readonly values = new Map<string, string>();

  constructor(
    row: SheetRow,
    private readonly columns: (Column | null)[],
    private readonly headerOf: (c: Column) => string,
    private readonly ctx: RowContext,
  ) {
    columns.forEach((c, i) => {
      const value = (row.cells[i] ?? '').trim();
      if (c && value) this.values.set(c.key, value);
    });
  }

  private column(key: string): string {
    const c = this.columns.find((x) => x?.key === key);
    return c ? this.headerOf(c) : key;
  }

  text(key: string): string | null {
    return this.values.get(key) ?? null;
  }

  name(key: string): string | null {
    const value = this.text(key);
    if (!value) return null;
    const name = value.replace(/\s+/g, ' ');
    if (/\p{Cc}/u.test(name) || !/[\p{L}\p{N}]/u.test(name)) this.ctx.error('invalidName', { column: this.column(key) });
    else if (name.length > 300) this.ctx.error('tooLong', { column: this.column(key), max: 300 });
    return name;
  }

  choice(key: string, vocabulary: VocabularyName): string | null {
    const value = this.text(key);
    if (!value) return null;
    const code = parseChoice(vocabulary, value);
    if (!code) this.ctx.error('invalidChoice', { column: this.column(key), value, allowed: vocabulary });
    return code;
  }

  businessId(key: string): string | null {
    const value = this.text(key);
    if (!value) return null;
    try {
      return checkBusinessId(value);
    } catch {
      this.ctx.error('invalidBusinessId', { value });
      return null;
    }
  }

  website(key: string): string | null {
    const value = this.text(key);
    if (!value) return null;
    try {
      return checkWebsite(value);
    } catch {
      this.ctx.error('invalidWebsite', { value });
      return null;
    }
  }

  municipality(key: string): string | null {
    const value = this.text(key);
    if (!value) return null;
    const code = MUNICIPALITY_BY_KEY.get(/^\d{1,3}$/.test(value) ? value.padStart(3, '0') : nameKey(value));
    if (!code) this.ctx.error('unknownMunicipality', { value });
    return code ?? null;
  }

  date(key: string): IsoDate | null {
    const value = this.text(key);
    if (!value) return null;
    const iso = parseDate(value);
    if (!iso) this.ctx.error('invalidDate', { column: this.column(key), value });
    return iso;
  }

  period(startKey: string, endKey: string): [IsoDate | null, IsoDate | null] {
    const start = this.date(startKey);
    const end = this.date(endKey);
    if (start && end && end < start) this.ctx.error('endBeforeStart', { start, end });
    return [start, end];
  }

  amount(key: string, signed: boolean): number | null {
    const value = this.text(key);
    if (!value) return null;
    const euros = parseAmount(value);
    if (euros === null) this.ctx.error('invalidAmount', { column: this.column(key), value });
    else if (euros < 0 && !signed) this.ctx.error('negativeAmount', { column: this.column(key), value });
    return euros;
  }

  /** Semicolon- or line-separated values resolved to ids; null when the cell is empty. */
  list(key: string, resolve: (value: string) => string | null): string[] | null {
    const value = this.text(key);
    if (!value) return null;
    const ids = value
      .split(/[;\n]/)
      .map((v) => v.trim())
      .filter(Boolean)
      .map(resolve);
    return [...new Set(ids.filter((id): id is string => id !== null))].sort();
  }
}
