/** Projects: reads, and writes with their code, predecessor, networks, methods and target groups. */
import { badInput, conflict, foldText, validateProject, type Actor, type Patch, type Project, type ProjectInput } from '@verkosto/domain';
import type { EngineTx } from '../engine/engine';
import type { Page, PageArgs, UpdateOptions } from '../graph-store';
import { merge, refuseStale } from './edits';
import type { HistoryRecords } from './history-records';
import type { Queries } from './queries';
import { toProject } from './rows';
import { sortKey } from './sort-key';
import { newId, now, type StoreContext } from './store-context';

export const projectLabel = (p: Pick<Project, 'code' | 'name'>) => (p.code ? `${p.code} ${p.name}` : p.name);

export class Projects {
  private readonly q: Queries;

  constructor(
    private readonly ctx: StoreContext,
    private readonly records: HistoryRecords,
  ) {
    this.q = ctx.q;
  }

  async getProject(id: string): Promise<Project | null> {
    const [row] = await this.ctx.db.read(this.q.project.get, { id });
    return row ? toProject(row) : null;
  }

  async getProjectByCode(code: string): Promise<Project | null> {
    const [row] = await this.ctx.db.read(this.q.project.getByCode, { code: code.trim().toUpperCase() });
    return row ? toProject(row) : null;
  }

  async listProjects(filter: PageArgs & { networkId?: string | null }): Promise<Page<Project>> {
    return this.ctx.page(this.q.project.list, this.q.project.count, filter, toProject, {
      network: filter.networkId ?? null,
    });
  }

  async createProject(input: ProjectInput, actor: Actor): Promise<Project> {
    const project = validateProject(input);
    return this.ctx.recorded(actor, async (tx, log) => {
      const id = newId('prj', project.code ?? project.name);
      await this.records.tracked(tx, log, 'PROJECT', id, () => this.writeProject(tx, id, project, { createdAt: now() }), true);
      const created = await this.ctx.mustGetProject(tx, id);
      log.about('CREATE', 'PROJECT', id, projectLabel(created));
      return created;
    });
  }

  async updateProject(id: string, patch: Patch<ProjectInput>, actor: Actor, options: UpdateOptions = {}): Promise<Project> {
    return this.ctx.recorded(actor, async (tx, log) => {
      const current = await this.ctx.mustGetProject(tx, id);
      refuseStale('project', current, options.expectedUpdatedAt);
      const links = await this.ctx.links(tx, 'Project', id);
      const project = validateProject(merge({ ...current, ...links }, patch) as ProjectInput);
      await this.records.tracked(tx, log, 'PROJECT', id, () => this.writeProject(tx, id, project, null));
      const updated = await this.ctx.mustGetProject(tx, id);
      log.about('UPDATE', 'PROJECT', id, projectLabel(updated));
      return updated;
    });
  }

  /** Creates (`created` given) or updates a project with its links; an undo puts a recorded state back through it too. */
  async writeProject(tx: EngineTx, id: string, p: ProjectInput, created: { createdAt: string } | null) {
    if (p.code) {
      const [other] = await tx.run(this.q.project.getByCode, { code: p.code });
      if (other && other.id !== id) {
        throw conflict(`Project code ${p.code} is already used by "${other.name}".`, {
          field: 'code',
          existingId: other.id,
          existingName: other.name,
        });
      }
    }
    if (p.predecessorId) {
      if (p.predecessorId === id) throw badInput('A project cannot follow itself.', { field: 'predecessorId' });
      await this.ctx.mustGetProject(tx, p.predecessorId);
    }
    const params = {
      ...p,
      id,
      // A new item's two stamps are the same moment.
      now: created?.createdAt ?? this.ctx.changeTime(),
      createdAt: created?.createdAt ?? null,
      searchText: foldText([p.name, p.code ?? ''].join(' ')),
      sortKey: sortKey(p.name, id),
    };
    await tx.run(created ? this.q.project.create : this.q.project.update, params);
    await this.ctx.relinkOne(tx, 'ProjectPredecessor', id, p.predecessorId ?? null);
    await this.ctx.relinkMany(tx, 'Project', id, p);
  }
}
