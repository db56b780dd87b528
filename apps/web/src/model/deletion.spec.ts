import { impactKeeps, impactLines, impactSummary, type DeletionImpact } from './deletion';
import { translate } from './i18n';

const impact = (over: Partial<DeletionImpact>): DeletionImpact => ({
  id: 'x',
  kind: 'PROJECT',
  name: 'KUPO',
  participations: 0,
  activityLinks: 0,
  continuationLinks: 0,
  networkLinks: 0,
  adoptions: 0,
  otherLinks: 0,
  removedRelationships: 0,
  ...over,
});

describe('what a delete takes with it', () => {
  it('says it line by line, in the singular or the plural', () => {
    const project = impact({ participations: 12, activityLinks: 3, continuationLinks: 1, removedRelationships: 16 });
    const lines = impactLines(project).map((m) => translate('fi', m.key, m.params));
    expect(lines).toEqual(['12 osallistumismerkintää', '3 toiminnan yhteydet tähän hankkeeseen', '1 jatkumoyhteys (edeltäjä tai jatko)']);
    expect(translate('en', impactSummary(project).key, impactSummary(project).params)).toBe('Deletes KUPO and its 16 relationships:');
    expect(translate('fi', impactKeeps(project)!.key)).toMatch(/toiminnat säilyvät/);
  });

  it("names an organisation's own participations and adoptions", () => {
    const org = impact({ kind: 'ORGANISATION', name: 'Kylätalo ry', participations: 1, adoptions: 1, otherLinks: 1, removedRelationships: 3 });
    expect(impactLines(org).map((m) => m.key)).toEqual(['data.impact.ownParticipations.one', 'data.impact.adoptions.one', 'data.impact.otherLinks.one']);
    expect(impactKeeps(org)).toBeNull();
  });

  it('says when nothing goes with it', () => {
    const alone = impact({ kind: 'NETWORK', name: 'Tyhjä' });
    expect(impactLines(alone)).toEqual([]);
    expect(translate('sv', impactSummary(alone).key, impactSummary(alone).params)).toMatch(/^Tyhjä tas bort/);
  });

  it("keeps a network's projects and a series' other seasons", () => {
    expect(impactKeeps(impact({ kind: 'NETWORK', networkLinks: 2 }))?.key).toBe('data.impact.keeps.network');
    expect(impactKeeps(impact({ kind: 'ACTIVITY', continuationLinks: 2 }))?.key).toBe('data.impact.keeps.activity');
  });
});
