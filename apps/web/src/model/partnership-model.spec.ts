import { LANGS, translate, type Lang } from './i18n';
import { partnershipRows, retentionBaseline, type PartnershipData, type PartnershipStructureData } from './partnership-model';

const tr = (lang: Lang) => (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
const tie = (label: string) => ({ id: label.replace(' – ', '|'), label });

const structure = (ties: number): PartnershipStructureData => ({
  size: 4,
  ties,
  density: ties / 6,
  components: { count: 1, largest: 4 },
  eiIndex: {
    value: ties ? 0.5 : null,
    internal: ties ? 1 : 0,
    external: ties ? 3 : 0,
    externalTies: { tieItems: ties ? [tie('Kuusamon kaupunki – Ksakki ry')] : [] },
    bySector: [{ sector: 'PUBLIC', value: ties ? 1 / 3 : null, internal: 1, external: 2, externalTies: { tieItems: [] } }],
  },
  clustering: { transitivity: 0.6, averageClustering: 0.25, triangles: 1, evidence: { tieItems: [tie('A ry – B ry')] } },
  multiplexity: { value: ties ? 0.25 : null, multiplex: 1, ties, evidence: { tieItems: [tie('A ry – B ry')] } },
});

const data: PartnershipData = {
  at: '2022-06-01',
  ...structure(4),
  retention: {
    from: '2021-06-01',
    to: '2022-06-01',
    value: 0.2,
    kept: 1,
    lost: 3,
    gained: 1,
    keptTies: { tieItems: [tie('A ry – B ry')] },
    lostTies: { tieItems: [tie('C ry – D ry')] },
    newTies: { tieItems: [] },
  },
  withoutProject: { ...structure(0), removedOrganisations: { organisationItems: [{ id: 'org-ksak', label: 'KSAK Oy' }] } },
};

describe('the partnership measures block', () => {
  it('gives five rows with a value, one line and named evidence, never an id', () => {
    const rows = partnershipRows(data, 'en', tr('en'));
    expect(rows.map((r) => r.key)).toEqual(['eiIndex', 'transitivity', 'multiplexity', 'retention', 'withoutProject']);
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey.eiIndex).toMatchObject({ value: '+0.50', evidence: [{ title: 'Ties across sector lines', items: ['Kuusamon kaupunki – Ksakki ry'] }] });
    expect(byKey.eiIndex.help).toContain('By sector: Public +0.33');
    expect(byKey.retention.help).toMatch(/1 ties kept, 3 ended, 1 new/);
    expect(byKey.retention.evidence.map((g) => g.title)).toEqual(['Ties kept', 'Ties ended']);
    expect(byKey.withoutProject).toMatchObject({ value: '0 / 4', evidence: [{ items: ['KSAK Oy'] }] });
    for (const r of rows) expect(`${r.label} ${r.value} ${r.help} ${r.evidence.flatMap((g) => g.items).join(' ')}`).not.toMatch(/\b(org|act|prj|net)-|\|/);
  });

  it('says "no ties" instead of a number for the E-I index and multiplexity of a day without ties, in every language', () => {
    for (const lang of LANGS) {
      const rows = partnershipRows({ ...data, ...structure(0), retention: null, withoutProject: null }, lang, tr(lang));
      expect(rows.map((r) => r.key)).toEqual(['eiIndex', 'transitivity', 'multiplexity']);
      expect(rows[0]).toMatchObject({ value: '–', help: translate(lang, 'evaluate.partnership.noTies'), evidence: [] });
      expect(rows[2].value).toBe('–');
      for (const r of rows) expect(r.help).not.toMatch(/\{|evaluate\./);
    }
  });

  it('compares with one year earlier', () => {
    expect(retentionBaseline('2024-02-29')).toBe('2023-02-28');
  });
});
