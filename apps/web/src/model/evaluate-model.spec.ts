import { translate, type Lang } from './i18n';
import {
  articulationItems,
  bridgeItems,
  brokers,
  estimateNote,
  communityItems,
  evidenceNodeIds,
  growthSeries,
  growthWindow,
  indexSummary,
  levelOf,
  metricRows,
  milestoneDates,
  milestoneTable,
  partRows,
  periodIndexOf,
  periodText,
  reasonOf,
  type GrowthPeriodData,
  type MetricsData,
  type NodeIndex,
  type RootingPartData,
  type RootingReportData,
} from './evaluate-model';

const tr = (lang: Lang) => (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
const fi = tr('fi');
const en = tr('en');

const part = (key: RootingPartData['key'], value: number | null, extra: Partial<RootingPartData> = {}): RootingPartData => ({
  key,
  value,
  weight: 0.1,
  reason: value === null ? 'does not apply' : null,
  basis: null,
  evidence: {},
  explanation: '',
  ...extra,
});

/** The Kuusamo network on a date after its projects, as the API answers it (shape of RootingReport). */
const report = (at: string, parts: RootingPartData[], index: number | null = 0.41): RootingReportData => ({
  at,
  ended: at > '2022-12-31',
  index,
  parts,
  weights: parts.map((p) => ({ key: p.key, weight: p.weight })),
  scope: { kind: 'NETWORK', id: 'net-kuusamo', label: 'Kuusamon osallisuusverkosto', start: '2019-01-01', end: '2022-12-31', projects: ['prj-a'], networks: ['net-kuusamo'] },
});

const nodes: NodeIndex = new Map([
  ['org-city', { label: 'Kuusamon kaupunki', sector: 'PUBLIC' }],
  ['org-ksakki', { label: 'Ksakki ry', sector: 'THIRD' }],
  ['org-parish', { label: 'Kuusamon seurakunta', sector: 'PARISH' }],
  ['act-2020', { label: 'Kesäkeidas 2020' }],
  ['act-2021', { label: 'Kesäkeidas 2021' }],
]);

const kuusamo = report('2023-06-30', [
  part('tieSurvival', 0.5, { weight: 0.2, basis: { counted: 1, of: 2 }, evidence: { ties: ['org-city|org-ksakki'] } }),
  part('activityContinuation', 1, { weight: 0.2, basis: { counted: 1, of: 1 }, evidence: { activities: ['act-2021', 'act-2020'] } }),
  part('coordinationHandover', 1, { weight: 0.15, basis: { counted: 1, of: 1 }, evidence: { organisations: ['org-city'] } }),
  part('independence', null, { weight: 0.15 }),
  part('sharedResponsibility', 0.35, { evidence: { organisations: ['org-city', 'org-ksakki'] } }),
  part('breadth', 0.5, { evidence: { organisations: ['org-city', 'org-ksakki', 'org-parish'], ties: ['org-city|org-parish'] } }),
  part('adoption', 0.1, { basis: { counted: 1, of: 10 }, evidence: { organisations: ['org-city'] } }),
]);

describe('rooting parts for the page', () => {
  it('reads values in thirds', () => {
    expect([levelOf(0), levelOf(0.33), levelOf(0.34), levelOf(0.66), levelOf(0.67), levelOf(1)]).toEqual(['low', 'low', 'mid', 'mid', 'high', 'high']);
  });

  it('lists the seven parts in order with values, weights, readings and named evidence', () => {
    const rows = partRows(kuusamo, nodes, 'fi', fi);
    expect(rows.map((r) => r.key)).toEqual(['tieSurvival', 'activityContinuation', 'coordinationHandover', 'independence', 'sharedResponsibility', 'breadth', 'adoption']);
    const ties = rows[0];
    expect(ties.valueText).toBe('0,50');
    expect(ties.percent).toBe(50);
    expect(ties.weightText).toMatch(/^paino 20\s?%$/);
    expect(ties.reading).toBe('1/2 hankkeen aikana syntyneestä siteestä säilyi hankkeen jälkeen: voimassa 30.6.2023.');
    expect(ties.evidence).toEqual([{ kind: 'ties', title: 'Säilyneet siteet', items: [{ id: 'org-city|org-ksakki', label: 'Kuusamon kaupunki – Ksakki ry' }] }]);
    expect(ties.nodeIds.sort()).toEqual(['org-city', 'org-ksakki']);
    // Evidence is listed by name, whatever order the ids came in.
    expect(rows[1].evidence[0].items.map((i) => i.label)).toEqual(['Kesäkeidas 2020', 'Kesäkeidas 2021']);
    // Breadth counts sectors from the organisations' own sectors.
    expect(partRows(kuusamo, nodes, 'en', en)[5].reading).toBe('3/4 sectors among the active participants (3); ties across a sector line: 1.');
    expect(rows[4].level).toBe('mid');
    expect(rows[6].levelText).toBe('Heikko');
  });

  it('says why a part does not apply, in the user’s language', () => {
    const rows = partRows(kuusamo, nodes, 'sv', tr('sv'));
    expect(rows[3].value).toBeNull();
    expect(rows[3].valueText).toBe('–');
    expect(rows[3].percent).toBe(0);
    expect(rows[3].levelText).toBe('Inte tillämplig');
    expect(rows[3].reading).toBe('Färre än två organisationer samarbetar 30.6.2023.');
    expect(rows[3].evidence).toEqual([]);
  });

  it('tells the reasons of the after-the-end parts apart', () => {
    const during = report('2021-06-01', [part('tieSurvival', null)]);
    expect(reasonOf(during.parts[0], during)).toBe('notEnded');
    expect(partRows(during, nodes, 'en', en)[0].reading).toBe('Read after the project ends (31/12/2022); 01/06/2021 is not after it.');
    const open = report('2021-06-01', [part('activityContinuation', null)]);
    open.scope.end = null;
    expect(reasonOf(open.parts[0], open)).toBe('noEnd');
    const noProjects = report('2024-01-01', [part('tieSurvival', null)]);
    noProjects.scope.projects = [];
    expect(reasonOf(noProjects.parts[0], noProjects)).toBe('noProjects');
    const after = report('2024-01-01', [part('tieSurvival', null), part('activityContinuation', null)]);
    expect(after.parts.map((p) => reasonOf(p, after))).toEqual(['noBornTies', 'noActivities']);
    const model = report('2024-01-01', [
      part('adoption', null, { reason: 'No operating model is recorded.' }),
      part('adoption', null, { reason: 'No permanent organisation takes part.' }),
    ]);
    expect(model.parts.map((p) => reasonOf(p, model))).toEqual(['noAdoption', 'noPermanent']);
    expect(reasonOf(kuusamo.parts[0], kuusamo)).toBeNull();
  });

  it('names evidence and the long coordination by the server’s labels, never by id', () => {
    const r = report('2023-06-30', [
      part('sharedResponsibility', 0.3, {
        evidence: { organisations: ['org-new'], organisationItems: [{ id: 'org-new', label: 'Uusi yhdistys ry' }] },
        coordinationRun: { organisation: { id: 'org-ksak', label: 'KSAK Oy' }, network: { id: 'net-kuusamo', label: 'Kuusamon osallisuusverkosto' }, years: 4, penalty: 0.75 },
      }),
      part('breadth', 0.5, {
        evidence: {
          ties: ['org-x|org-y'],
          tieItems: [{ id: 'org-x|org-y', label: 'X ry – Y Oy', source: { id: 'org-x', label: 'X ry' }, target: { id: 'org-y', label: 'Y Oy' } }],
        },
      }),
    ]);
    const rows = partRows(r, nodes, 'en', en);
    const shared = rows.find((x) => x.key === 'sharedResponsibility')!;
    expect(shared.reading).toMatch(/KSAK Oy has coordinated Kuusamon osallisuusverkosto without a break for 4\.0 years, longer than 3, so the value is scaled by 0\.75\.$/);
    expect(shared.evidence[0].items).toEqual([{ id: 'org-new', label: 'Uusi yhdistys ry' }]);
    expect(rows.find((x) => x.key === 'breadth')!.evidence[0].items[0].label).toBe('X ry – Y Oy');
    for (const row of rows) expect(row.reading).not.toMatch(/org-|net-/);
    expect(partRows(r, nodes, 'fi', fi)[0].reading).toMatch(/KSAK Oy on koordinoinut verkostoa Kuusamon osallisuusverkosto yhtäjaksoisesti 4,0 vuotta/);
  });

  it('takes the server’s reason code, and says what data is missing', () => {
    const r = report(
      '2023-06-30',
      [
        part('coordinationHandover', null, { reasonCode: 'notStarted' }),
        part('sharedResponsibility', null, { reasonCode: 'noCoImplementers', missingData: true }),
        part('activityContinuation', 0, { weight: 0.2, basis: { counted: 0, of: 2 } }),
      ],
      0,
    );
    expect(reasonOf(r.parts[0], r)).toBe('notStarted');
    const rows = partRows(r, nodes, 'en', en);
    expect(rows.find((x) => x.key === 'coordinationHandover')).toMatchObject({
      missingData: false,
      reading: expect.stringMatching(/^Read once the project has begun \(01\/01\/2019\)/),
    });
    expect(rows.find((x) => x.key === 'sharedResponsibility')).toMatchObject({ missingData: true, reading: expect.stringMatching(/^Data missing: only one organisation/) });
    const s = indexSummary(r, 'en', en);
    expect(s.leftOut).toBe('Left out: Coordination handover, Shared responsibility.');
    expect(s.missing).toMatch(/^Data is missing for Shared responsibility/);
    expect(indexSummary(r, 'fi', fi).missing).toMatch(/^Tietoja puuttuu osista Jaettu vastuu/);
  });

  it('lights organisations, both ends of each tie and activities', () => {
    expect(evidenceNodeIds({ ties: ['a|b', 'b|c'], organisations: ['a', 'd'], activities: ['x'] }).sort()).toEqual(['a', 'b', 'c', 'd', 'x']);
    expect(evidenceNodeIds({ ties: null, organisations: null })).toEqual([]);
  });

  it('sums up the index with its reading, basis, weights and the project’s state', () => {
    const s = indexSummary(kuusamo, 'en', en);
    expect(s.valueText).toBe('0.41');
    expect(s.level).toBe('mid');
    expect(s.reading).toMatch(/^Partly rooted/);
    expect(s.basis).toMatch(/6\/7 parts/);
    expect(s.weights).toMatch(/^Weights: Tie survival 20%, Activity continuation 20%, /);
    expect(s.status).toBe('Ended 31/12/2022.');
    const running = indexSummary(report('2021-01-01', [part('breadth', 0.9)], 0.9), 'en', en);
    expect(running.reading).toMatch(/^The project is running, and its structures already support rooting/);
    const bare = report('2024-01-01', [part('coordinationHandover', 0)], 0);
    bare.scope = { ...bare.scope, projects: [], start: null, end: null };
    bare.ended = false;
    expect(indexSummary(bare, 'en', en)).toMatchObject({
      reading: 'Not rooted: little of what the project built lives on without it.',
      status: 'The network has no projects, so there is no end to measure after.',
    });
    const none = indexSummary(report('2021-01-01', [part('tieSurvival', null)], null), 'fi', fi);
    expect(none.valueText).toBe('–');
    expect(none.reading).toMatch(/Indeksiä ei voi laskea/);
    expect(none.status).toMatch(/Käynnissä/);
    expect(periodText(kuusamo, 'fi', fi)).toBe('Verkoston hankkeet 1.1.2019–31.12.2022.');
  });
});

describe('before, at the end and after', () => {
  it('takes the start, the end and 6, 12, 24 months after, clipped to the month’s end', () => {
    expect(milestoneDates('2019-01-01', '2021-08-31')).toEqual([
      { key: 'start', at: '2019-01-01', monthsAfterEnd: null },
      { key: 'end', at: '2021-08-31', monthsAfterEnd: 0 },
      { key: 'm6', at: '2022-02-28', monthsAfterEnd: 6 },
      { key: 'm12', at: '2022-08-31', monthsAfterEnd: 12 },
      { key: 'm24', at: '2023-08-31', monthsAfterEnd: 24 },
    ]);
    expect(milestoneDates(null, '2021-12-31').map((d) => d.key)).toEqual(['end', 'm6', 'm12', 'm24']);
    expect(milestoneDates('2019-01-01', null)).toEqual([]);
  });

  it('tabulates the index and parts per date, flags future dates and says how the index moved', () => {
    const columns = milestoneDates(null, '2021-12-31').map((d, i) => ({
      ...d,
      report: report(d.at, [part('tieSurvival', i === 0 ? null : 0.5 - i * 0.1), part('breadth', 0.5)], [0.43, 0.32, 0.32, 0.34][i]),
    }));
    const table = milestoneTable(columns, '2023-06-01', 'fi', fi);
    expect(table.columns.map((c) => c.title)).toEqual(['Päättyessä', '+6 kk', '+12 kk', '+24 kk']);
    expect(table.columns.map((c) => c.future)).toEqual([false, false, false, true]);
    expect(table.rows[0].label).toBe('Juurtumisindeksi');
    expect(table.rows[0].cells.map((c) => c.text)).toEqual(['0,43', '0,32', '0,32', '0,34']);
    const ties = table.rows.find((r) => r.key === 'tieSurvival')!;
    expect(ties.cells[0].text).toBe('–');
    expect(ties.cells[1].value).toBeCloseTo(0.4);
    // A part the reports do not carry is shown as not applying.
    expect(table.rows.find((r) => r.key === 'adoption')!.cells.every((c) => c.value === null)).toBe(true);
    // The future +24 months is left out of the trend: the data is not there yet.
    expect(table.trend).toBe('Indeksi laski päättymisestä (0,43) 12 kuukauden päähän (0,32).');
  });
});

describe('growth', () => {
  const periods: GrowthPeriodData[] = [
    { label: '2020-Q1', from: '2020-01-01', to: '2020-03-31', activeOrganisations: 5, newOrganisations: 2, ties: 6, activities: 1, density: 0.6, retention: null },
    { label: '2020-Q2', from: '2020-04-01', to: '2020-06-30', activeOrganisations: 11, newOrganisations: 6, ties: 27, activities: 2, density: 0.49, retention: 1 },
    { label: '2020-Q3', from: '2020-07-01', to: '2020-09-30', activeOrganisations: 9, newOrganisations: 0, ties: 4, activities: 1, density: 0.11, retention: 0.82 },
  ];

  it('makes six series, counts as bars and shares as lines, each with a description', () => {
    const series = growthSeries(periods, 'en', en);
    expect(series.map((s) => [s.key, s.kind])).toEqual([
      ['activeOrganisations', 'bar'],
      ['newOrganisations', 'bar'],
      ['ties', 'bar'],
      ['activities', 'bar'],
      ['density', 'line'],
      ['retention', 'line'],
    ]);
    expect(series[0].description).toBe('Active organisations, 2020-Q1–2020-Q3: highest 11 (2020-Q2), latest 9.');
    expect(series[5].values).toEqual([null, 1, 0.82]);
    expect(series[5].description).toBe('Retention (share of the previous period’s actors still active), 2020-Q1–2020-Q3: highest 1.00 (2020-Q2), latest 0.82.');
    expect(growthSeries([], 'fi', fi)[0].description).toBe('Aktiiviset organisaatiot');
  });

  it('finds the period of a date and the window to chart', () => {
    expect(periodIndexOf(periods, '2020-05-15')).toBe(1);
    expect(periodIndexOf(periods, '2021-01-01')).toBe(-1);
    expect(periodIndexOf(periods, null)).toBe(-1);
    // Two years past the end, when the data ends sooner; never past today.
    expect(growthWindow('2019-01-01', '2023-01-01', '2019-01-01', '2022-12-31', '2026-11-24')).toEqual({ from: '2019-01-01', to: '2024-12-31' });
    expect(growthWindow('2019-01-01', '2023-01-01', '2019-01-01', '2022-12-31', '2024-03-01')).toEqual({ from: '2019-01-01', to: '2024-03-01' });
    expect(growthWindow('2018-05-01', '2030-01-01', null, null, '2026-01-01')).toEqual({ from: '2018-05-01', to: '2026-01-01' });
    expect(growthWindow(null, null, null, null, '2026-01-01')).toBeNull();
  });
});

describe('network measures', () => {
  const m: MetricsData = {
    at: '2021-06-01',
    size: 5,
    ties: 5,
    density: 0.5,
    degreeCentralisation: 0.62,
    maxCore: 2,
    maxCoreMembers: ['a', 'b', 'c'],
    components: { count: 1, largest: 5, largestMembers: ['a', 'b', 'c', 'd', 'e'] },
    communities: { count: 3, modularity: 0.24, members: [['a', 'b', 'c'], ['d', 'e'], ['f']] },
    articulationPoints: ['c'],
    bridges: ['c|d'],
    organisations: [
      { id: 'a', label: 'Aalto', degree: 2, betweenness: 0, isArticulationPoint: false },
      { id: 'b', label: 'Berg', degree: 2, betweenness: 0.1, isArticulationPoint: false },
      { id: 'c', label: 'Cedar', degree: 3, betweenness: 0.6, isArticulationPoint: true },
      { id: 'd', label: 'Dahl', degree: 2, betweenness: 0.3, isArticulationPoint: false },
      { id: 'e', label: 'Eko', degree: 1, betweenness: null, isArticulationPoint: false },
    ],
  };

  it('lists the key measures with a plain reading each', () => {
    const rows = metricRows(m, 'fi', fi);
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ['size', '5'],
      ['ties', '5'],
      ['density', '0,50'],
      ['components', '1'],
      ['centralisation', '0,62'],
      ['communities', '3'],
      ['core', 'k = 2'],
    ]);
    expect(rows[3].help).toBe('suurimmassa 5 organisaatiota');
    expect(metricRows({ ...m, ties: 0, maxCore: 0, maxCoreMembers: [] }, 'fi', fi).map((r) => r.key)).not.toContain('core');
    expect(rows[5].help).toMatch(/^modulaarisuus 0,24/);
  });

  it('says when brokers are an estimate, with its bound, in every language', () => {
    expect(estimateNote(m, 'en', en)).toBeNull();
    const estimated = { ...m, centrality: { estimated: true, errorBound: 0.0243, confidence: 0.95, sources: 12500 } };
    expect(estimateNote(estimated, 'en', en)).toMatch(/^Estimated \(±0\.024, 95% confidence\)/);
    expect(estimateNote(estimated, 'fi', fi)).toMatch(/^Arvio \(±0,024, 95\s%\s?varmuudella\)/);
    expect(brokers(estimated, 'en', 1)[0].detail).toBe('≈ 0.60');
    expect(brokers({ ...m, centrality: { estimated: false, errorBound: null, confidence: null, sources: 5 } }, 'en', 1)[0].detail).toBe('0.60');
  });

  it('names brokers, weak points, bridges and communities with the nodes to light', () => {
    expect(brokers(m, 'en', 2).map((b) => [b.label, b.detail])).toEqual([
      ['Cedar', '0.60'],
      ['Dahl', '0.30'],
    ]);
    expect(articulationItems(m, 'en')).toEqual([{ id: 'c', label: 'Cedar', nodeIds: ['c'] }]);
    expect(bridgeItems(m, 'en')).toEqual([{ id: 'c|d', label: 'Cedar – Dahl', nodeIds: ['c', 'd'] }]);
    const communities = communityItems(m, 'en', en);
    // A lone organisation is its own community: not worth listing.
    expect(communities.map((c) => [c.label, c.detail])).toEqual([
      ['Community 1 (3 organisations)', 'Aalto, Berg, Cedar'],
      ['Community 2 (2 organisations)', 'Dahl, Eko'],
    ]);
  });
});
