/**
 * Who may run each GraphQL operation: one line per query and mutation. The global AccessGuard
 * refuses any operation that has no line here (default deny), and the enumeration test fails
 * naming it. A new operation gets its rule by adding one line below; RequestAccess (access.ts)
 * holds what the checks mean.
 */
import type { RequestAccess } from './access';

// The operation's arguments, already checked against the schema; each rule reads those of its own operation.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Args = Record<string, any>;

export interface Rule {
  /**
   * `anyone`: anonymous callers may call it (the check may still ask for a sign-in, e.g. for a
   * private network); `signedIn`: every account may; `restricted`: a right beyond an account.
   */
  audience: 'anyone' | 'signedIn' | 'restricted';
  /** Who may, in words (the README's table says the same). */
  who: string;
  check(access: RequestAccess, args: Args): Promise<void> | void;
}

const rule = (audience: Rule['audience'], who: string, check: Rule['check'] = () => undefined): Rule => ({ audience, who, check });

// ── the kinds of rule ────────────────────────────────────────────────────────────────────────

const anyone = rule('anyone', 'anyone');
/** Lists and searches: open, and the resolver leaves out what the caller may not read. */
const listed = rule('anyone', 'anyone; leaves out what the caller may not read');
const signedIn = rule('signedIn', 'any signed-in account', (a) => void a.requireSignedIn());
const admins = rule('restricted', 'administrators', (a) => a.requireAdmin());

/** Reading what the arguments name (items, networks, or a project by code). */
const reads = (...names: string[]) =>
  rule('anyone', 'anyone who may read it: public, or a member of its private network', async (a, args) => {
    for (const name of names) await a.requireRead(args[name]);
  });
const readsProject = rule('anyone', 'anyone who may read the project', async (a, args) => {
  await a.requireRead(args.id);
  await a.requireProjectCodeRead(args.code);
});
const reports = rule('anyone', 'anyone on a public network; evaluators and above on a private one', (a, args) => a.requireReport(args.networkId ?? args.projectId));
const listedIn = (name: string) => rule('anyone', 'anyone who may read the network or project it is filtered by; leaves out the rest', (a, args) => a.requireRead(args[name]));

const edits = (name: string) => rule('restricted', 'editors in a network it belongs to', (a, args) => a.requireEdit([args[name]], 'any'));
const editsEverywhere = (...names: string[]) =>
  rule('restricted', 'editors in every network it belongs to', (a, args) =>
    a.requireEdit(
      names.flatMap((n) => args[n]),
      'every',
    ),
  );
const coordinates = (name: string) => rule('restricted', "the network's coordinators", (a, args) => a.requireRole(args[name], 'COORDINATOR'));

/** A predecessor or a continued activity is named only by those who may read it. */
const readsLinked = async (a: RequestAccess, input: Args | undefined) => {
  await a.requireRead(input?.predecessorId);
  await a.requireRead(input?.continuesId);
};
const createsInNetworks = rule('restricted', 'editors in every network it is placed in (in some network, if none)', async (a, args) => {
  await a.requireEditLinks(args.input, null);
  await readsLinked(a, args.input);
});
const updatesProject = rule('restricted', 'editors in a network it belongs to, and in every network added or taken away', async (a, args) => {
  await a.requireEdit([args.id], 'any');
  await a.requireEditLinks(args.input, { id: args.id });
  await readsLinked(a, args.input);
});
const updatesActivity = rule('restricted', 'editors in a network it belongs to, and in every network added or taken away', async (a, args) => {
  await a.requireEdit([args.id], 'any');
  await a.requireEditLinks(args.input, { id: args.id, projectId: await a.currentActivityProject(args.id) });
  await readsLinked(a, args.input);
});
const editsParticipationTarget = rule('restricted', 'editors in a network of the project, activity or network', async (a, args) => {
  await a.requireEdit([(await a.participationTarget(args.id)) ?? args.id], 'any');
});

/** History names who changed what: for signed-in accounts who may report on it. */
const readsHistory = rule('signedIn', 'signed-in accounts who may report on the item or network', async (a, args) => {
  a.requireSignedIn();
  await a.requireReport(args.entityId ?? args.networkId);
});
/** One recorded change: the history rule (mayReadChange), the same that filters every history list. */
const readsChange = rule('signedIn', 'signed-in accounts who may report on every network the change touched and read every item it touches', async (a, args) => {
  a.requireSignedIn();
  await a.requireChangeRead(args.id);
});
const undoesChange = rule('restricted', 'those who may read the change, if editors in a network it touched (in some network, if none)', async (a, args) => {
  a.requireSignedIn();
  await a.requireChangeRead(args.id);
  const networks = await a.changeNetworkIds(args.id);
  if (networks.length) await a.requireEdit(networks, 'any');
  else a.requireEditorSomewhere();
});
/** A named person's data is for those who keep their organisation's data, and administrators. */
const keepsPerson = rule('restricted', "editors in a network of the person's organisation", async (a, args) => {
  const organisation = await a.personOrganisation(args.id);
  if (organisation) await a.requireEdit([organisation], 'any');
  else a.requireEditorSomewhere();
});

// ── the table ────────────────────────────────────────────────────────────────────────────────

export const RULES: { Query: Record<string, Rule>; Mutation: Record<string, Rule> } = {
  Query: {
    organisations: listed,
    organisation: reads('id'),
    projects: listedIn('networkId'),
    project: readsProject,
    activities: rule('anyone', 'anyone who may read the network or project it is filtered by; leaves out the rest', async (a, args) => {
      await a.requireRead(args.networkId);
      await a.requireRead(args.projectId);
    }),
    activity: reads('id'),
    networks: listed,
    network: reads('id'),
    participations: rule('anyone', 'anyone who may read the organisation or target; leaves out the rest', async (a, args) => {
      await a.requireRead(args.organisationId);
      await a.requireRead(args.targetId);
    }),
    networkGraph: rule('anyone', 'anyone who may read the network or project', (a, args) => a.requireRead(args.networkId ?? args.projectId)),
    networkMetrics: reports,
    partnershipMeasures: reports,
    growth: reports,
    rooting: reports,
    rootingMilestones: reports,
    partnerSuggestions: listed,
    introductionPaths: rule('anyone', 'anyone who may read both organisations; paths avoid what the caller may not read', (a, args) =>
      Promise.all([a.requireRead(args.fromId), a.requireRead(args.toId)]).then(() => undefined),
    ),
    search: listed,
    municipalities: anyone,
    regions: anyone,
    methods: anyone,
    targetGroups: anyone,
    operatingModels: anyone,
    me: anyone,
    needsFirstAdmin: anyone,
    setupCodeRequired: anyone,
    myTokens: signedIn,
    users: admins,
    networkMembers: coordinates('networkId'),
    changes: readsHistory,
    change: readsChange,
    deletionImpact: reads('id'),
    duplicateOrganisations: rule('restricted', 'editors in some network', (a) => a.requireEditorSomewhere()),
    person: keepsPerson,
    exportPerson: keepsPerson,
    importJob: signedIn,
  },
  Mutation: {
    login: anyone,
    logout: anyone,
    createFirstAdmin: rule('anyone', 'anyone, while Verkosto has no accounts: on this machine, or with the set-up code of the log'),
    changePassword: signedIn,
    createToken: signedIn,
    revokeToken: signedIn,
    createUser: admins,
    updateUser: admins,
    deleteUser: admins,
    setMembership: coordinates('networkId'),
    removeMembership: coordinates('networkId'),

    createOrganisation: rule('restricted', 'editors in some network', (a) => a.requireEditorSomewhere()),
    updateOrganisation: edits('id'),
    deleteOrganisation: editsEverywhere('id'),
    mergeOrganisations: editsEverywhere('keepId', 'mergeIds'),
    createProject: createsInNetworks,
    updateProject: updatesProject,
    deleteProject: editsEverywhere('id'),
    createActivity: createsInNetworks,
    updateActivity: updatesActivity,
    deleteActivity: editsEverywhere('id'),
    createNetwork: rule('restricted', 'administrators and coordinators (the creator coordinates it)', (a) => a.requireCoordinatorSomewhere()),
    updateNetwork: coordinates('id'),
    deleteNetwork: coordinates('id'),
    addParticipation: rule('restricted', 'editors in a network of the project, activity or network', async (a, args) => {
      await a.requireRead(args.input?.organisationId);
      await a.requireEdit([args.input?.targetId], 'any');
    }),
    endParticipation: editsParticipationTarget,
    confirmParticipation: editsParticipationTarget,
    removeParticipation: editsParticipationTarget,
    setCoordinator: rule('restricted', 'editors in the network', async (a, args) => {
      await a.requireRead(args.organisationId);
      await a.requireEdit([args.networkId], 'any');
    }),
    undoChange: undoesChange,
    // Each row then needs what the mutation making its change needs (import/import-rights.ts).
    importData: rule('restricted', 'editors in some network; each row as its mutation', (a) => a.requireEditorSomewhere()),
    createPerson: rule('restricted', 'editors in a network of the organisation', (a, args) => a.requireEdit([args.input?.organisationId], 'any')),
    updatePerson: keepsPerson,
    erasePerson: keepsPerson,
  },
};

/** Plain HTTP endpoints besides /graphql, by method and route. */
export const HTTP_RULES: Record<string, Rule> = {
  'GET /health': anyone,
  'GET /api/export': reports,
  'GET /api/import/templates/:file': anyone,
  // The whole database, password hashes included: administrators only. A restore replaces the
  // accounts too, so a new instance without any is restored by whoever sets it up (on this machine,
  // or with the set-up code of the log: BackupController checks it).
  'GET /api/backup': admins,
  'POST /api/restore': rule('anyone', 'administrators; while Verkosto has no accounts, whoever sets it up (set-up code)', (a) => a.requireAdminOnceSetUp()),
};

export function ruleFor(type: string, field: string): Rule | undefined {
  const table = type === 'Query' ? RULES.Query : type === 'Mutation' ? RULES.Mutation : undefined;
  return table && Object.prototype.hasOwnProperty.call(table, field) ? table[field] : undefined;
}
