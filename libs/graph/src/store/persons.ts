/** Named persons: held only with consent, exported on request and erased from the history on request. */
import { notFound, validatePerson, type Actor, type Patch, type Person, type PersonInput } from '@verkosto/domain';
import type { EngineTx } from '../engine/engine';
import type { EraseResult, PersonExport, UpdateOptions } from '../graph-store';
import { ERASED, scrubPerson } from './change-log';
import { merge, refuseStale } from './edits';
import { withoutSortKey } from './history';
import type { HistoryRecords } from './history-records';
import type { Organisations } from './organisations';
import type { Queries } from './queries';
import { toChange, toPerson } from './rows';
import { hex, now, type StoreContext } from './store-context';

export class Persons {
  private readonly q: Queries;

  constructor(
    private readonly ctx: StoreContext,
    private readonly records: HistoryRecords,
    private readonly organisations: Organisations,
  ) {
    this.q = ctx.q;
  }

  async getPerson(id: string): Promise<Person | null> {
    const [row] = await this.ctx.db.read(this.q.person.get, { id });
    return row ? toPerson(row) : null;
  }

  async listPersons(organisationId: string): Promise<Person[]> {
    return (await this.ctx.db.read(this.q.person.ofOrganisation, { org: organisationId })).map(toPerson);
  }

  async createPerson(input: PersonInput, actor: Actor): Promise<Person> {
    const person = validatePerson(input);
    return this.ctx.recorded(actor, async (tx, log) => {
      // Random, not from the name: the id stays in the history after an erasure.
      const id = `per-${hex(6)}`;
      await this.records.tracked(tx, log, 'PERSON', id, () => this.writePerson(tx, id, person, { createdAt: now() }), true);
      log.about('CREATE', 'PERSON', id, person.name);
      return this.ctx.mustGetPerson(tx, id);
    });
  }

  async updatePerson(id: string, patch: Patch<PersonInput>, actor: Actor, options: UpdateOptions = {}): Promise<Person> {
    return this.ctx.recorded(actor, async (tx, log) => {
      const current = await this.ctx.mustGetPerson(tx, id);
      refuseStale('person', current, options.expectedUpdatedAt);
      const person = validatePerson(merge(current, patch) as PersonInput);
      await this.records.tracked(tx, log, 'PERSON', id, () => this.writePerson(tx, id, person, null));
      log.about('UPDATE', 'PERSON', id, person.name);
      return this.ctx.mustGetPerson(tx, id);
    });
  }

  async exportPerson(id: string): Promise<PersonExport> {
    const person = await this.getPerson(id);
    if (!person) throw notFound('Person', id);
    const organisation = await this.organisations.getOrganisation(person.organisationId);
    const changes = (await this.ctx.db.read(this.q.change.about, { entity: id })).map(toChange).map(withoutSortKey);
    return {
      exportedAt: now(),
      person,
      organisation: organisation && { id: organisation.id, name: organisation.name },
      changes,
    };
  }

  async erasePerson(id: string, actor: Actor): Promise<EraseResult> {
    return this.ctx.recorded(actor, async (tx, log) => {
      const person = await this.ctx.mustGetPerson(tx, id);
      const changes = (await tx.run(this.q.change.about, { entity: id })).map(toChange);
      for (const change of changes) {
        const { label, effects, actor: by } = scrubPerson(change, person);
        await tx.run(this.q.change.scrub, { id: change.id, label, effects: JSON.stringify(effects), actorEmail: by.email });
      }
      log.about('ERASE', 'PERSON', id, '');
      log.add({ kind: 'PERSON', id, before: { id, ...ERASED }, after: null }, await this.records.networksOfOrganisations(tx, [person.organisationId]));
      await tx.run(this.q.person.remove, { id });
      return { id, scrubbedChanges: changes.length };
    });
  }

  /** Creates (`created` given) or updates a person under an organisation; an undo puts a recorded state back through it too. */
  async writePerson(tx: EngineTx, id: string, p: PersonInput, created: { createdAt: string } | null) {
    await this.ctx.mustGetOrganisation(tx, p.organisationId);
    const params = { ...p, id, now: created?.createdAt ?? this.ctx.changeTime(), createdAt: created?.createdAt ?? null };
    await tx.run(created ? this.q.person.create : this.q.person.update, params);
    await this.ctx.relinkOne(tx, 'PersonOrganisation', id, p.organisationId);
  }
}
