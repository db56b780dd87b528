import { ORGANISATION_KINDS, ROLES_BY_TARGET, isActiveAt, isIsoDate, normaliseBusinessId, type ParticipationTarget } from '@verkosto/domain';
import { municipalityByCode, regionByCode } from '../../../domain/src/reference/finland';
import { validateDataset } from '../store/dataset';
import { DEMO_DATASET as d } from './demo-network';

const byId = <T extends { id: string }>(items: T[], id: string): T => {
  const found = items.find((x) => x.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const targetKind = new Map<string, ParticipationTarget>([
  ...d.projects.map((p) => [p.id, 'PROJECT'] as const),
  ...d.activities.map((a) => [a.id, 'ACTIVITY'] as const),
  ...d.networks.map((n) => [n.id, 'NETWORK'] as const),
]);
const orgIds = new Set(d.organisations.map((o) => o.id));
const methodIds = new Set((d.methods ?? []).map((t) => t.id));
const groupIds = new Set((d.targetGroups ?? []).map((t) => t.id));
const modelIds = new Set((d.operatingModels ?? []).map((m) => m.id));
const orgsIn = (targetId: string, role?: string) => d.participations.filter((p) => p.targetId === targetId && (!role || p.role === role)).map((p) => p.organisationId);
const coordinatorsAt = (networkId: string, at: string) =>
  d.participations.filter((p) => p.targetId === networkId && p.role === 'COORDINATOR' && isActiveAt(p.validFrom ?? null, p.validTo ?? null, at)).map((p) => p.organisationId);

describe('the demo dataset', () => {
  it('passes the store’s own dataset validation', () => {
    expect(() => validateDataset(d, { kind: 'DEMO', ref: 'seeds' })).not.toThrow();
  });

  it('uses unique, readable ids', () => {
    const all = [...d.organisations.map((o) => o.id), ...d.projects.map((p) => p.id), ...d.activities.map((a) => a.id), ...d.networks.map((n) => n.id), ...[...modelIds]];
    expect(new Set(all).size).toBe(all.length);
    for (const o of d.organisations) expect(o.id).toMatch(/^org-[a-z0-9-]+$/);
    for (const p of d.projects) expect(p.id).toMatch(/^prj-[a-z0-9-]+$/);
    for (const a of d.activities) expect(a.id).toMatch(/^act-[a-z0-9-]+$/);
    for (const n of d.networks) expect(n.id).toMatch(/^net-[a-z0-9-]+$/);
  });

  it('references only things that exist', () => {
    for (const o of d.organisations) {
      expect(ORGANISATION_KINDS).toContain(o.kind);
      if (o.municipalityCode) expect(municipalityByCode(o.municipalityCode)?.code).toBe(o.municipalityCode);
    }
    for (const n of d.networks) expect(regionByCode(n.regionCode ?? '')).toBeDefined();
    for (const p of d.projects) {
      if (p.predecessorId) expect(targetKind.get(p.predecessorId)).toBe('PROJECT');
      for (const n of p.networkIds ?? []) expect(targetKind.get(n)).toBe('NETWORK');
      for (const m of p.methodIds ?? []) expect(methodIds).toContain(m);
      for (const g of p.targetGroupIds ?? []) expect(groupIds).toContain(g);
    }
    for (const a of d.activities) {
      if (a.projectId) expect(targetKind.get(a.projectId)).toBe('PROJECT');
      if (a.continuesId) expect(targetKind.get(a.continuesId)).toBe('ACTIVITY');
      if (a.municipalityCode) expect(municipalityByCode(a.municipalityCode)).toBeDefined();
      for (const n of a.networkIds ?? []) expect(targetKind.get(n)).toBe('NETWORK');
      for (const m of a.methodIds ?? []) expect(methodIds).toContain(m);
      for (const g of a.targetGroupIds ?? []) expect(groupIds).toContain(g);
    }
    for (const p of d.participations) {
      expect(orgIds).toContain(p.organisationId);
      expect(targetKind.has(p.targetId)).toBe(true);
    }
    for (const ad of d.adoptions ?? []) {
      expect(orgIds).toContain(ad.organisationId);
      expect(modelIds).toContain(ad.operatingModelId);
    }
    // Every organisation takes part in something.
    const active = new Set(d.participations.map((p) => p.organisationId));
    for (const o of d.organisations) expect(active).toContain(o.id);
  });

  it('gives every participation a role that fits its target', () => {
    for (const p of d.participations) {
      const kind = targetKind.get(p.targetId) as ParticipationTarget;
      expect(ROLES_BY_TARGET[kind]).toContain(p.role);
    }
    const keys = d.participations.map((p) => `${p.organisationId}|${p.targetId}|${p.role}|${p.validFrom}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes every date as an ISO date and never ends before it starts', () => {
    type Dated = [from: string | null | undefined, to: string | null | undefined, where: string];
    const spans: Dated[] = [
      ...d.projects.map((p): Dated => [p.startDate, p.endDate, p.id]),
      ...d.activities.map((a): Dated => [a.startDate, a.endDate, a.id]),
      ...d.participations.map((p): Dated => [p.validFrom, p.validTo, `${p.organisationId}→${p.targetId}`]),
      ...(d.adoptions ?? []).map((a): Dated => [a.validFrom, a.validTo, a.organisationId]),
    ];
    for (const [from, to, where] of spans) {
      if (from) expect({ where, ok: isIsoDate(from) }).toEqual({ where, ok: true });
      if (to) expect({ where, ok: isIsoDate(to) }).toEqual({ where, ok: true });
      if (from && to) expect({ where, ok: from <= to }).toEqual({ where, ok: true });
    }
  });

  it('keeps participations in projects and activities within their dates', () => {
    type Span = [string | null, string | null];
    const span = new Map<string, Span>([
      ...d.projects.map((p): [string, Span] => [p.id, [p.startDate ?? null, p.endDate ?? null]]),
      ...d.activities.map((a): [string, Span] => [a.id, [a.startDate ?? null, a.endDate ?? null]]),
    ]);
    for (const p of d.participations) {
      const s = span.get(p.targetId);
      if (!s) continue;
      if (s[0] && p.validFrom) expect(p.validFrom >= s[0]).toBe(true);
      if (s[1] && p.validTo) expect(p.validTo <= s[1]).toBe(true);
    }
  });

  it('has only valid business IDs', () => {
    const ids = d.organisations.filter((o) => o.businessId).map((o) => o.businessId as string);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const id of ids) expect(normaliseBusinessId(id)).toBe(id);
    expect(byId(d.organisations, 'org-keski-pohjanmaan-koulutuskuntayhtyma').businessId).toBe('0208916-8');
    expect(byId(d.organisations, 'org-kokkolan-kaupunki').businessId).toBe('0179377-8');
  });

  it('holds the KUPO fact sheet (S21858)', () => {
    const kupo = d.projects.find((p) => p.code === 'S21858');
    expect(kupo).toMatchObject({ startDate: '2020-01-01', endDate: '2022-12-31', publicFunding: 854220 });
    const predecessor = byId(d.projects, kupo?.predecessorId ?? '');
    expect(predecessor).toMatchObject({ code: 'S20915', name: 'Pohjoinen luonto maahanmuuttajien kotoutumisessa' });
    const funders = orgsIn(kupo!.id, 'FUNDER').map((id) => byId(d.organisations, id));
    expect(funders).toEqual([expect.objectContaining({ name: 'Pohjois-Pohjanmaan ELY-keskus', kind: 'AUTHORITY' })]);
    const leads = orgsIn(kupo!.id, 'LEAD').map((id) => byId(d.organisations, id).name);
    expect(leads).toEqual([expect.stringMatching(/^Lapin ammattikorkeakoulu/)]);
  });

  it('holds Osana (S20634) and Osallisuuden askeleet', () => {
    const osana = d.projects.find((p) => p.code === 'S20634');
    expect(osana).toMatchObject({ startDate: '2016-01-01', endDate: '2019-04-30', budget: 310730, publicFunding: 307976 });
    expect(orgsIn(osana!.id, 'LEAD')).toEqual(['org-keski-pohjanmaan-koulutuskuntayhtyma']);
    expect(orgsIn(osana!.id, 'CO_IMPLEMENTER')).toEqual(['org-kokkolan-kaupunki']);

    const askeleet = byId(d.projects, 'prj-osallisuuden-askeleet');
    expect(askeleet).toMatchObject({ startDate: '2017-05-01', endDate: '2020-04-30' });
    expect(orgsIn(askeleet.id, 'LEAD')).toEqual(['org-vaasan-kaupunki']);
    expect(orgsIn(askeleet.id, 'FUNDER').map((id) => byId(d.organisations, id).name)).toEqual(['Keski-Suomen ELY-keskus']);
    const co = orgsIn(askeleet.id, 'CO_IMPLEMENTER').map((id) => byId(d.organisations, id));
    expect(co.filter((o) => o.kind === 'ASSOCIATION')).toHaveLength(3);
    expect(co.filter((o) => o.kind === 'PARISH').map((o) => o.name)).toEqual(expect.arrayContaining(['Vähänkyrön seurakunta', 'Vaasan suomalainen seurakunta']));
  });

  it('has the Kuusamo and Pieksämäki networks, public, in their regions', () => {
    expect(byId(d.networks, 'net-kuusamo')).toMatchObject({ regionCode: '17', visibility: 'PUBLIC' });
    expect(byId(d.networks, 'net-pieksamaki')).toMatchObject({ regionCode: '10', visibility: 'PUBLIC' });
    expect(d.networks.every((n) => n.visibility === 'PUBLIC')).toBe(true);
  });

  it('continues Kesäkeidas 2020 in 2021 with its partners', () => {
    const k2020 = byId(d.activities, 'act-kesakeidas-2020');
    const k2021 = byId(d.activities, 'act-kesakeidas-2021');
    expect(k2021.continuesId).toBe(k2020.id);
    expect(k2020.startDate! < k2021.startDate!).toBe(true);
    const partners = orgsIn(k2020.id);
    for (const id of [
      'org-kuusamon-kaupungin-kirjasto',
      'org-paivakoti-ullakaisa',
      'org-luontopaivakoti-otso',
      'org-kuusamon-4h-yhdistys',
      'org-kuusamon-nuorten-tyopaja',
      'org-voimavaroja-luonnosta-ryhma',
    ]) {
      expect(partners).toContain(id);
    }
    expect(new Set(orgsIn(k2021.id))).toEqual(new Set(partners));
  });

  it('hands coordination of the Kuusamo network to the City of Kuusamo the day after the projects end', () => {
    const lastProjectEnd = d.projects
      .filter((p) => p.networkIds?.includes('net-kuusamo'))
      .map((p) => p.endDate as string)
      .sort()
      .pop();
    expect(lastProjectEnd).toBe('2022-12-31');
    expect(coordinatorsAt('net-kuusamo', '2020-06-15')).toEqual(['org-ksak']);
    expect(coordinatorsAt('net-kuusamo', '2022-12-31')).toEqual(['org-ksak']);
    expect(coordinatorsAt('net-kuusamo', '2023-01-01')).toEqual(['org-kuusamon-kaupunki']);
    expect(coordinatorsAt('net-kuusamo', '2025-01-01')).toEqual(['org-kuusamon-kaupunki']);
    // The round table continues after the projects with the city as organiser.
    const after = byId(d.activities, 'act-luonto-ja-luovuus-sotessa');
    expect(after).toMatchObject({ type: 'ROUND_TABLE', startDate: '2023-01-01', endDate: null, projectId: null });
    expect(byId(d.activities, after.continuesId ?? '').type).toBe('ROUND_TABLE');
    expect(orgsIn(after.id, 'ORGANISER')).toEqual(['org-kuusamon-kaupunki']);
  });

  it('never has two coordinators of one network on the same day', () => {
    const dates = new Set(d.participations.flatMap((p) => [p.validFrom, p.validTo]).filter((x): x is string => !!x));
    for (const n of d.networks) for (const at of dates) expect(coordinatorsAt(n.id, at).length).toBeLessThanOrEqual(1);
  });

  it('records the operating model and its adoption by a permanent organisation', () => {
    const model = (d.operatingModels ?? []).find((m) => m.name === 'Taide-, kulttuuri- tai luontolähtöinen osallisuusverkosto');
    expect(model).toBeDefined();
    const adopters = (d.adoptions ?? []).filter((a) => a.operatingModelId === model!.id);
    expect(adopters.length).toBeGreaterThan(0);
    for (const a of d.adoptions ?? []) expect(byId(d.organisations, a.organisationId).permanent).toBe(true);
  });

  it('contains no e-mail addresses, phone numbers or names of the people in the seeds', () => {
    const text = JSON.stringify(d);
    expect(text).not.toContain('@');
    expect(text).not.toMatch(/\((a|at)\)/i);
    expect(text).not.toMatch(/(?:\+358[\s-]?\d{1,3}|\b0\d{1,3})[\s-]?\d{3}[\s-]?\d{3,4}\b/);
    expect(text).not.toMatch(/\bp\.\s*\d/);
    for (const name of ['Nylén', 'Hannu-Jama', 'Mikkola', 'Niikkonen', 'Auli', 'Pehkonen', 'Jokela', 'Uusitalo', 'Tuulentie']) {
      expect(text).not.toContain(name);
    }
  });

  it('includes the shared vocabularies', () => {
    expect(d.methods?.length).toBeGreaterThanOrEqual(13);
    expect(d.targetGroups?.length).toBeGreaterThanOrEqual(10);
  });
});
