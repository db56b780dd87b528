import { foldText } from '../text';
import { METHODS, MUNICIPALITIES, REGIONS, TARGET_GROUPS, municipalityByCode, municipalityByName, regionByCode } from './finland';

describe('Finland reference data', () => {
  it('has the 19 regions with unique two-digit codes', () => {
    expect(REGIONS).toHaveLength(19);
    expect(new Set(REGIONS.map((r) => r.code)).size).toBe(19);
    for (const r of REGIONS) expect(r.code).toMatch(/^\d{2}$/);
    expect(regionByCode('21')?.nameSv).toBe('Åland');
    expect(regionByCode('03')).toBeUndefined();
  });

  it('has the 308 municipalities of 2025 with unique three-digit codes', () => {
    expect(MUNICIPALITIES).toHaveLength(308);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(308);
    for (const m of MUNICIPALITIES) {
      expect(m.code).toMatch(/^\d{3}$/);
      expect(m.name.trim()).not.toBe('');
      expect(m.nameSv.trim()).not.toBe('');
    }
  });

  it('places every municipality in an existing region and leaves no region empty', () => {
    const regionCodes = new Set(REGIONS.map((r) => r.code));
    for (const m of MUNICIPALITIES) expect(regionCodes.has(m.regionCode)).toBe(true);
    const used = new Set(MUNICIPALITIES.map((m) => m.regionCode));
    expect(used.size).toBe(19);
    expect(MUNICIPALITIES.filter((m) => m.regionCode === '21')).toHaveLength(16);
  });

  it('knows the places the seeds name', () => {
    expect(municipalityByCode('305')).toMatchObject({ name: 'Kuusamo', regionCode: '17' });
    expect(municipalityByCode('905')).toMatchObject({ name: 'Vaasa', nameSv: 'Vasa', regionCode: '15' });
    expect(municipalityByCode('272')).toMatchObject({ name: 'Kokkola', nameSv: 'Karleby', regionCode: '16' });
    expect(municipalityByCode('593')).toMatchObject({ name: 'Pieksämäki', regionCode: '10' });
    expect(municipalityByCode('091')).toMatchObject({ name: 'Helsinki', nameSv: 'Helsingfors', regionCode: '01' });
    expect(municipalityByCode('932')).toBeUndefined(); // not a current code
    expect(municipalityByCode('946')).toMatchObject({ name: 'Vöyri', nameSv: 'Vörå' });
  });

  it('reflects the 2021 region moves and the 2025 merger', () => {
    expect(municipalityByName('Heinävesi')?.regionCode).toBe('12');
    expect(municipalityByName('Joroinen')?.regionCode).toBe('11');
    expect(municipalityByName('Kuhmoinen')?.regionCode).toBe('06');
    expect(municipalityByName('Iitti')?.regionCode).toBe('07');
    expect(municipalityByName('Honkajoki')).toBeUndefined();
    expect(municipalityByName('Pertunmaa')).toBeUndefined();
    expect(municipalityByCode('588')).toBeUndefined();
  });

  it('finds by code with or without leading zeros', () => {
    expect(municipalityByCode('91')?.name).toBe('Helsinki');
    expect(municipalityByCode(' 091 ')?.name).toBe('Helsinki');
    expect(municipalityByCode('abc')).toBeUndefined();
    expect(municipalityByCode('1091')).toBeUndefined();
  });

  it('finds by Finnish or Swedish name, ignoring case and accents', () => {
    expect(municipalityByName('kuusamo')?.code).toBe('305');
    expect(municipalityByName('PIEKSAMAKI')?.code).toBe('593');
    expect(municipalityByName('Vasa')?.code).toBe('905');
    expect(municipalityByName('vora')?.code).toBe('946');
    expect(municipalityByName('  åbo ')?.code).toBe('853');
    expect(municipalityByName('abo')?.code).toBe('853');
    expect(municipalityByName('Pedersöre')?.code).toBe('599');
    expect(municipalityByName('Mariehamn')?.regionCode).toBe('21');
    expect(municipalityByName('Atlantis')).toBeUndefined();
  });

  it('never lets two municipalities share a folded name', () => {
    const owner = new Map<string, string>();
    for (const m of MUNICIPALITIES) {
      for (const n of new Set([foldText(m.name), foldText(m.nameSv)])) {
        expect(owner.get(n) ?? m.code).toBe(m.code);
        owner.set(n, m.code);
      }
    }
  });

  it('has vocabularies with unique kebab-case ids and names in three languages', () => {
    for (const terms of [METHODS, TARGET_GROUPS]) {
      expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
      for (const t of terms) {
        expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(t.nameFi && t.nameSv && t.nameEn).toBeTruthy();
      }
    }
    const methodIds = METHODS.map((t) => t.id);
    for (const id of [
      'nature-based',
      'arts-based',
      'culture-based',
      'green-care',
      'co-development',
      'peer-support',
      'outreach-work',
      'multicultural-peer-group',
      'creative-methods',
      'adventure-education',
      'social-rehabilitation',
      'workshop-activity',
      'network-cooperation',
    ])
      expect(methodIds).toContain(id);
    const groupIds = TARGET_GROUPS.map((t) => t.id);
    for (const id of [
      'immigrants',
      'long-term-unemployed',
      'young-people',
      'neet-young-people',
      'people-in-rehabilitation',
      'older-people',
      'families-with-children',
      'people-with-disabilities',
      'partially-able-to-work',
      'professionals',
    ])
      expect(groupIds).toContain(id);
  });
});
