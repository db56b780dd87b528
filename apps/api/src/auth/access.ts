import {
  forbidden,
  mayReadChange,
  personOrganisationIds,
  roleAtLeast,
  unauthenticated,
  withPersonsFor,
  type AccessRole,
  type Change,
  type ChangeEffect,
  type ChangeTouches,
  type GraphSnapshot,
  type HistoryRights,
} from '@verkosto/domain';
import type { AccountStore, GraphStore, ItemNetwork, PrivateItems } from '@verkosto/graph';
import type { RequestUser } from './request-user';

/**
 * What the caller of one request may read and change (README, "Accounts and rights"):
 *
 * - Rights are held per network. An item (organisation, project, activity) belongs to the
 *   networks whose map shows it. A PUBLIC network and everything in it is readable by anyone; a
 *   PRIVATE one only by its members. An item is hidden only when every network it belongs to is
 *   private to the caller; an item in no network is readable by anyone.
 * - Changing an item needs EDITOR (or COORDINATOR) in one of its networks; deleting or merging it
 *   needs that in every one of them; an item in no network, and a new one, needs EDITOR somewhere.
 * - Reports on a private network need EVALUATOR or above. Administrators may do everything.
 *
 * One instance per request; the hidden ids are worked out once, and only when asked for, from
 * facts shared by every request (PrivateItems).
 */
export class RequestAccess {
  private hidden: Promise<ReadonlySet<string>> | null = null;

  constructor(
    readonly user: RequestUser | null,
    private readonly accounts: AccountStore,
    private readonly graph: GraphStore,
    private readonly privateItems: PrivateItems,
    /** Why a credential that came with the request was refused, for the UNAUTHENTICATED message. */
    private readonly problem?: string,
  ) {}

  requireSignedIn(): RequestUser {
    if (!this.user) throw unauthenticated(this.problem ?? 'Sign in to do this.');
    return this.user;
  }

  requireAdmin(): void {
    if (!this.requireSignedIn().isAdmin) throw forbidden('Only an administrator can do this.');
  }

  /** The caller's role in a network; administrators count as coordinators everywhere. */
  roleIn(networkId: string): AccessRole | null {
    if (!this.user) return null;
    if (this.user.isAdmin) return 'COORDINATOR';
    return this.user.memberships.find((m) => m.networkId === networkId)?.role ?? null;
  }

  private roleSomewhere(least: AccessRole): boolean {
    return !!this.user && (this.user.isAdmin || this.user.memberships.some((m) => roleAtLeast(m.role, least)));
  }

  /** Ids the caller may not read: private networks they are not in, and items only in those. */
  hiddenIds(): Promise<ReadonlySet<string>> {
    this.hidden ??= this.findHidden();
    return this.hidden;
  }

  private async findHidden(): Promise<ReadonlySet<string>> {
    if (this.user?.isAdmin) return new Set();
    return this.privateItems.hiddenFrom((networkId) => this.roleIn(networkId) !== null);
  }

  async visible<T>(items: T[], idOf: (item: T) => string | null | undefined): Promise<T[]> {
    const hidden = await this.hiddenIds();
    return hidden.size === 0 ? items : items.filter((item) => !hidden.has(idOf(item) ?? ''));
  }

  /** The snapshot without what the caller may not read, and without ties to it. */
  async visibleSnapshot<S extends GraphSnapshot>(snapshot: S): Promise<S> {
    const hidden = await this.hiddenIds();
    if (hidden.size === 0) return snapshot;
    return {
      ...snapshot,
      nodes: snapshot.nodes.filter((n) => !hidden.has(n.id)),
      edges: snapshot.edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target)),
    };
  }

  /** Unknown ids pass: the resolver then answers null or NOT_FOUND as it would for anyone. */
  async requireRead(id: string | null | undefined): Promise<void> {
    if (!id || !(await this.hiddenIds()).has(id)) return;
    if (!this.user) throw unauthenticated(this.problem ?? 'This belongs to a private network: sign in to see it.');
    throw forbidden('This belongs to a private network you are not a member of.');
  }

  async requireProjectCodeRead(code: string | null | undefined): Promise<void> {
    if (code) await this.requireRead((await this.graph.getProjectByCode(code))?.id);
  }

  /** Reports (measures, exports) on a private network need an evaluator or above. */
  async requireReport(id: string | null | undefined): Promise<void> {
    if (!id) return;
    await this.requireRead(id);
    const networks = await this.accounts.networksOfItems([id]);
    if (networks.length === 0 || networks.some((n) => n.visibility === 'PUBLIC')) return;
    if (networks.some((n) => roleAtLeast(this.roleIn(n.networkId), 'EVALUATOR'))) return;
    this.requireSignedIn();
    throw forbidden(`Reports on ${this.names(networks)} are for its evaluators, editors and coordinators.`);
  }

  /**
   * Changing items: EDITOR in one of each item's networks (`any`), or in all of them (`every`,
   * for deleting and merging); EDITOR somewhere for an item in no network, or an unknown id.
   */
  async requireEdit(ids: (string | null | undefined)[], mode: 'any' | 'every'): Promise<void> {
    const user = this.requireSignedIn();
    if (user.isAdmin) return;
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    const pairs = await this.accounts.networksOfItems(wanted);
    for (const id of wanted) {
      const networks = dedupe(pairs.filter((p) => p.item === id));
      const edits = (n: ItemNetwork) => roleAtLeast(this.roleIn(n.networkId), 'EDITOR');
      if (networks.length === 0) this.requireEditorSomewhere();
      else if (mode === 'any' ? !networks.some(edits) : !networks.every(edits)) {
        const missing = mode === 'any' ? networks : networks.filter((n) => !edits(n));
        throw forbidden(`This needs editor rights in ${this.names(missing)}.`);
      }
    }
  }

  requireEditorSomewhere(): void {
    this.requireSignedIn();
    if (!this.roleSomewhere('EDITOR')) throw forbidden('This needs editor rights in a network.');
  }

  requireCoordinatorSomewhere(): void {
    this.requireSignedIn();
    if (!this.roleSomewhere('COORDINATOR')) throw forbidden('Only administrators and network coordinators can do this.');
  }

  /** A role in one network (coordinators manage members and the network itself). */
  requireRole(networkId: string | null | undefined, least: AccessRole): void {
    this.requireSignedIn();
    if (!networkId || !roleAtLeast(this.roleIn(networkId), least)) {
      throw forbidden(least === 'COORDINATOR' ? "Only the network's coordinators can do this." : `This needs the role ${least} in the network.`);
    }
  }

  /**
   * Placing a project or activity in networks, or an activity under a project: EDITOR in each
   * network added or taken away, and edit rights on the project. Creating one in no network and
   * under no project needs EDITOR somewhere.
   */
  async requireEditLinks(input: { networkIds?: string[] | null; projectId?: string | null } | undefined, current: { id: string; projectId?: string | null } | null): Promise<void> {
    this.requireSignedIn();
    const before = current ? await this.accounts.directNetworkIds(current.id) : [];
    const after = input?.networkIds ?? before;
    const changed = [...after.filter((n) => !before.includes(n)), ...before.filter((n) => !after.includes(n))];
    for (const networkId of new Set(changed)) {
      if (!roleAtLeast(this.roleIn(networkId), 'EDITOR')) throw forbidden(`Placing this in network "${networkId}" or taking it out needs editor rights there.`);
    }
    if (input?.projectId && input.projectId !== current?.projectId) await this.requireEdit([input.projectId], 'any');
    if (!current && after.length === 0 && !input?.projectId) this.requireEditorSomewhere();
  }

  async currentActivityProject(id: string): Promise<string | null> {
    return (await this.graph.getActivity(id))?.projectId ?? null;
  }

  async participationTarget(id: string): Promise<string | null> {
    return this.accounts.participationTarget(id);
  }

  /** The networks a recorded change touched (recorded with it, so known after a delete too). */
  async changeNetworkIds(id: string): Promise<string[]> {
    return (await this.graph.getChange(id))?.networkIds ?? [];
  }

  /**
   * The caller's rights for the history rule (mayReadChange) over a batch of changes: the hidden
   * set, the batch's networks and its persons' organisations, each read once. A network that no
   * longer exists took its rights with it: its records are for administrators.
   */
  async historyRights(changes: readonly (ChangeTouches & { effects?: ChangeEffect[] })[]): Promise<HistoryRights> {
    if (this.user?.isAdmin) return { reads: () => true, reportsOn: () => true, keepsPeopleOf: () => true };
    const networkIds = [...new Set(changes.flatMap((c) => c.networkIds))];
    const organisationIds = personOrganisationIds(changes);
    const [hidden, networks, organisations] = await Promise.all([this.hiddenIds(), this.accounts.networksOfItems(networkIds), this.accounts.networksOfItems(organisationIds)]);
    const visibility = new Map(networks.filter((n) => n.item === n.networkId).map((n) => [n.networkId, n.visibility]));
    const editorSomewhere = this.roleSomewhere('EDITOR');
    return {
      reads: (id) => !hidden.has(id),
      reportsOn: (id) => !hidden.has(id) && (visibility.get(id) === 'PUBLIC' || (visibility.has(id) && roleAtLeast(this.roleIn(id), 'EVALUATOR'))),
      keepsPeopleOf: (id) => {
        const of = organisations.filter((n) => n.item === id);
        return of.length === 0 ? editorSomewhere : of.some((n) => roleAtLeast(this.roleIn(n.networkId), 'EDITOR'));
      },
    };
  }

  /** The history rule as a list filter (ChangeFilter.readable); none for administrators. */
  readableChanges(): ((batch: readonly ChangeTouches[]) => Promise<(change: ChangeTouches) => boolean>) | null {
    if (this.user?.isAdmin) return null;
    return async (batch) => {
      const rights = await this.historyRights(batch);
      return (change) => mayReadChange(change, rights);
    };
  }

  /** The changes the caller may read, each with persons' data as far as the caller keeps it. */
  async shownChanges(changes: Change[]): Promise<Change[]> {
    const rights = await this.historyRights(changes);
    return changes.filter((c) => mayReadChange(c, rights)).map((c) => withPersonsFor(c, rights));
  }

  /** One change by id under the history rule: FORBIDDEN (UNAUTHENTICATED when signed out) when it touches what the caller may not read. */
  async requireChangeRead(id: string): Promise<void> {
    const change = await this.graph.getChange(id);
    if (!change || (await this.shownChanges([change])).length > 0) return;
    if (!this.user) throw unauthenticated(this.problem ?? 'Sign in to see the history.');
    throw forbidden('This change touches something you may not see.');
  }

  /** Administrators; on an instance without accounts yet, whoever sets it up (as for the first administrator). */
  async requireAdminOnceSetUp(): Promise<void> {
    if ((await this.accounts.countUsers()) > 0) this.requireAdmin();
  }

  /** Networks named in a refusal: by name those the caller may read, the others only counted (issue 12). */
  private names(networks: ItemNetwork[]): string {
    const all = dedupe(networks);
    const named = all.filter((n) => n.visibility === 'PUBLIC' || this.roleIn(n.networkId) !== null).map((n) => `"${n.networkName}"`);
    const unseen = all.length - named.length;
    if (unseen > 0) named.push(unseen === 1 ? 'a network you are not a member of' : `${unseen} networks you are not a member of`);
    if (named.length === 1) return unseen ? named[0] : `the network ${named[0]}`;
    return `the networks ${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  }

  async personOrganisation(id: string): Promise<string | null> {
    return (await this.graph.getPerson(id))?.organisationId ?? null;
  }
}

function dedupe(pairs: ItemNetwork[]): ItemNetwork[] {
  return [...new Map(pairs.map((p) => [p.networkId, p])).values()];
}
