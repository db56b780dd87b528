import { translate, type Lang } from './i18n';
import { bestMapScope } from './map-scope';
import {
  buildPartnerRequest,
  gapGroups,
  introSources,
  partnerErrorText,
  pathCaption,
  pathView,
  suggestionRows,
  type PartnerForm,
  type PathData,
  type SuggestionsData,
} from './partners-model';

const tr = (lang: Lang) => (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
const fi = tr('fi');
const en = tr('en');

const form = (extra: Partial<PartnerForm> = {}): PartnerForm => ({
  asker: null,
  askerText: '',
  methodIds: [],
  targetGroupIds: [],
  place: '',
  orgKinds: [],
  sectors: [],
  onlyPermanent: false,
  at: '2021-06-01',
  limit: 10,
  ...extra,
});

describe('the partner request', () => {
  it('sends only what was given', () => {
    const ksakki = { id: 'org-ksakki', kind: 'ORGANISATION' as const, label: 'Ksakki ry' };
    expect(buildPartnerRequest(form({ asker: ksakki, askerText: 'Ksakki ry', methodIds: ['nature-based'], targetGroupIds: ['immigrants'], place: 'm:305' }))).toEqual({
      request: { organisationId: 'org-ksakki', methodIds: ['nature-based'], targetGroupIds: ['immigrants'], municipalityCode: '305', at: '2021-06-01', limit: 10 },
    });
    const project = { id: 'prj-taida', kind: 'PROJECT' as const, label: 'TAIDA!' };
    expect(buildPartnerRequest(form({ asker: project, askerText: 'TAIDA!', place: 'r:17', orgKinds: ['PARISH'], sectors: ['THIRD'], onlyPermanent: true, at: '' }))).toEqual({
      request: { projectId: 'prj-taida', regionCode: '17', orgKinds: ['PARISH'], sectors: ['THIRD'], onlyPermanent: true, limit: 10 },
    });
    // An empty form is the server's to refuse (one rule, one message), so it is sent as it is.
    expect(buildPartnerRequest(form())).toEqual({ request: { at: '2021-06-01', limit: 10 } });
  });

  it('catches a name typed but not chosen, and a malformed date', () => {
    expect(buildPartnerRequest(form({ askerText: 'Ksak' }))).toEqual({ errorKey: 'partners.error.chooseAsker' });
    const ksakki = { id: 'org-ksakki', kind: 'ORGANISATION' as const, label: 'Ksakki ry' };
    expect(buildPartnerRequest(form({ asker: ksakki, askerText: 'Ksakki ry, Kuusamo' }))).toEqual({ errorKey: 'partners.error.chooseAsker' });
    // A chosen asker whose text was emptied again means no asker.
    expect(buildPartnerRequest(form({ asker: ksakki, askerText: '  ', methodIds: ['x'] }))).toEqual({ request: { methodIds: ['x'], at: '2021-06-01', limit: 10 } });
    expect(buildPartnerRequest(form({ at: '2021-02-30' }))).toEqual({ errorKey: 'partners.error.date' });
  });

  it('puts the API’s errors into the user’s words', () => {
    const bad = (message: string, field?: string) => ({ message, code: 'BAD_USER_INPUT', field });
    expect(partnerErrorText(bad('The request is empty: give an organisation or project, or at least one of methods…'), fi)).toMatch(/^Haku on tyhjä/);
    expect(partnerErrorText(bad('Ask for an organisation or a project, not both.', 'projectId'), en)).toBe('Choose either an organisation or a project as the asker, not both.');
    expect(partnerErrorText(bad('Give a municipality or a region, not both.', 'regionCode'), en)).toMatch(/municipality or a region/);
    expect(partnerErrorText(bad('Unknown method "x".', 'methodIds'), fi)).toBe('Tuntematon valinta (Menetelmät). Lataa sivu uudelleen, niin luettelot päivittyvät.');
    expect(partnerErrorText(bad('"limit" must be a whole number from 1 to 50, not 99.', 'limit'), en)).toBe('You can ask for 1–50 suggestions.');
    expect(partnerErrorText(bad('"maxHops" must be…', 'maxHops'), en)).toMatch(/1–4 ties/);
    expect(partnerErrorText(bad('The two organisations are the same.', 'toId'), en)).toMatch(/the same/);
    expect(partnerErrorText({ message: 'Organisation "x" was not found.', code: 'NOT_FOUND' }, en)).toMatch(/not found/);
    // Nothing unknown is swallowed: it is shown as the server said it.
    expect(partnerErrorText(bad('Something new.', 'other'), en)).toBe('The server said: Something new.');
    expect(partnerErrorText({ message: 'no connection to the server' }, fi)).toBe('Haku epäonnistui: no connection to the server');
  });
});

const answer: SuggestionsData = {
  asker: { id: 'org-ksakki', kind: 'ORGANISATION', label: 'Ksakki ry' },
  at: '2021-06-01',
  existingPartners: [
    { id: 'org-ksak', label: 'KSAK Oy' },
    { id: 'org-opisto', label: 'Kuusamo-opisto' },
  ],
  similarNetworks: [
    { id: 'net-a', label: 'Kokkola' },
    { id: 'net-b', label: 'Vaasa' },
    { id: 'net-c', label: 'Pieksämäki' },
  ],
  gaps: [
    {
      id: 'low-threshold-activity',
      kind: 'METHOD',
      label: { fi: 'Matalan kynnyksen toiminta', sv: 'Lågtröskelverksamhet', en: 'Low-threshold activity' },
      networks: [{ id: 'net-a', label: 'Kokkola' }],
      share: 1 / 3,
    },
    {
      id: 'PARISH',
      kind: 'SECTOR',
      label: { fi: 'seurakunnat', sv: 'församlingar', en: 'parish sector' },
      networks: [
        { id: 'net-a', label: 'Kokkola' },
        { id: 'net-b', label: 'Vaasa' },
      ],
      share: 2 / 3,
    },
  ],
  suggestions: [
    {
      score: 0.595456,
      organisation: { id: 'org-4h', label: 'Kuusamon 4H-yhdistys ry', municipalityCode: '305', orgKind: 'ASSOCIATION', permanent: true, sector: 'THIRD' },
      explanation: {
        fi: 'toimii menetelminä luontolähtöiset menetelmät, paikkakuntana Kuusamo; yhteisiä kumppaneita 1: KSAK Oy',
        sv: 'arbetar …',
        en: 'works using nature-based methods in Kuusamo; you share 1 partner: KSAK Oy',
      },
      parts: [
        { key: 'recency', value: 1, weight: 0.1 },
        { key: 'fit', value: 0.5, weight: 0.35 },
        { key: 'proximity', value: 0.352279, weight: 0.2 },
      ],
      sharedPartners: [{ id: 'org-ksak', label: 'KSAK Oy' }],
      evidence: ['act-2021', 'act-2020'],
    },
  ],
};

const describe4 = {
  orgKind: (k: string) => translate('en', `kind.${k}`),
  sector: (s: string) => translate('en', `sector.${s}`),
  place: (code: string) => (code === '305' ? 'Kuusamo' : code),
  label: (id: string) => ({ 'act-2020': 'Kesäkeidas 2020', 'act-2021': 'Kesäkeidas 2021' })[id] ?? id,
};

describe('the answer', () => {
  it('ranks suggestions with their explanation, score parts in a fixed order and named evidence', () => {
    const [row] = suggestionRows(answer, 'en', en, describe4);
    expect(row.rank).toBe(1);
    expect(row.meta).toBe('Association · Third sector · Kuusamo · permanent actor');
    expect(row.scoreText).toBe('0.60');
    expect(row.explanation).toBe('works using nature-based methods in Kuusamo; you share 1 partner: KSAK Oy');
    expect(row.parts.map((p) => [p.key, p.valueText, p.weightText, p.pointsText])).toEqual([
      ['fit', '0.50', '35%', '0.18'],
      ['proximity', '0.35', '20%', '0.07'],
      ['recency', '1.00', '10%', '0.10'],
    ]);
    expect(row.evidence.map((e) => e.label)).toEqual(['Kesäkeidas 2020', 'Kesäkeidas 2021']);
    expect(suggestionRows(answer, 'fi', fi, describe4)[0].explanation).toMatch(/^toimii menetelminä/);
  });

  it('groups the gaps by kind, most shared first, with how many similar networks have each', () => {
    const groups = gapGroups(answer, 'fi', fi);
    expect(groups.map((g) => g.title)).toEqual(['Sektori', 'Menetelmä']);
    expect(groups[0].items).toEqual([{ id: 'PARISH', label: 'seurakunnat', share: '2/3 samankaltaisesta verkostosta', networks: 'Kokkola, Vaasa' }]);
  });

  it('starts introductions from the asking organisation, or from a project’s participants', () => {
    const s = answer.suggestions[0];
    expect(introSources(answer, s)).toEqual([{ id: 'org-ksakki', label: 'Ksakki ry' }]);
    const project = { ...answer, asker: { id: 'prj-taida', kind: 'PROJECT', label: 'TAIDA!' } };
    expect(introSources(project, s).map((p) => p.id)).toEqual(['org-ksak', 'org-opisto']);
    expect(introSources({ ...answer, asker: null }, s)).toEqual([]);
  });

  it('shows a chain as steps, with what the map lights and a caption', () => {
    const path: PathData = {
      hops: 2,
      organisations: [
        { id: 'org-ksakki', label: 'Ksakki ry' },
        { id: 'org-ksak', label: 'KSAK Oy' },
        { id: 'org-4h', label: 'Kuusamon 4H-yhdistys ry' },
      ],
      steps: [
        {
          from: { id: 'org-ksakki', label: 'Ksakki ry' },
          to: { id: 'org-ksak', label: 'KSAK Oy' },
          via: [
            { id: 'prj-l', kind: 'PROJECT', label: 'LUONNOLLISESTI' },
            { id: 'prj-t', kind: 'PROJECT', label: 'TAIDA!' },
          ],
        },
        {
          from: { id: 'org-ksak', label: 'KSAK Oy' },
          to: { id: 'org-4h', label: 'Kuusamon 4H-yhdistys ry' },
          via: [{ id: 'act-2021', kind: 'ACTIVITY', label: 'Kesäkeidas 2021' }],
        },
      ],
    };
    const view = pathView(path, 0, en);
    expect(view.title).toBe('Chain 1 · ties: 2');
    expect(view.steps).toEqual([
      { text: 'Ksakki ry knows KSAK Oy', via: 'together in: LUONNOLLISESTI, TAIDA!' },
      { text: 'KSAK Oy knows Kuusamon 4H-yhdistys ry', via: 'together in: Kesäkeidas 2021' },
    ]);
    expect(view.nodeIds.sort()).toEqual(['act-2021', 'org-4h', 'org-ksak', 'org-ksakki', 'prj-l', 'prj-t']);
    expect(pathCaption(view, '2021-06-01', 3, 3, 'fi', fi)).toBe('Tuttavuusketju 1.6.2021: Ksakki ry → KSAK Oy → Kuusamon 4H-yhdistys ry');
    expect(pathCaption(view, '2021-06-01', 2, 3, 'en', en)).toBe('Introduction chain on 01/06/2021: Ksakki ry → KSAK Oy → Kuusamon 4H-yhdistys ry (2/3 on this map)');
  });
});

describe('which map shows a chain', () => {
  const kuusamo = { scope: { type: 'network' as const, id: 'net-kuusamo' }, nodeIds: new Set(['a', 'b', 'c']) };
  const project = { scope: { type: 'project' as const, id: 'prj' }, nodeIds: new Set(['a', 'b']) };
  const other = { scope: { type: 'network' as const, id: 'net-x' }, nodeIds: new Set(['z']) };

  it('takes the map holding the most of the nodes, the first one on a tie', () => {
    expect(bestMapScope(['a', 'b', 'c'], [project, kuusamo, other])).toEqual({ scope: kuusamo.scope, shown: 3 });
    expect(bestMapScope(['a', 'b'], [project, kuusamo])).toEqual({ scope: project.scope, shown: 2 });
    expect(bestMapScope(['a', 'z', 'q'], [other, project])).toEqual({ scope: other.scope, shown: 1 });
    expect(bestMapScope(['q'], [kuusamo])).toBeNull();
  });
});
