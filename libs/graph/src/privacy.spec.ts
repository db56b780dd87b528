/**
 * The personal data the schema can hold, kept deliberate (docs/privacy.md): no column anywhere that
 * suggests data about clients of social services or their health, and the named-person table holds
 * exactly the fields the privacy notes list.
 */
import { NODE_TABLES, REL_TABLES } from './schema';

/** Words (Finnish, Swedish, English) of fields about clients, patients, health or identity numbers. */
const CLIENT_DATA =
  /client|customer|asiakas|klient|patient|potilas|diagnos|health|terveys|hälsa|hetu|ssn|socialsecurity|henkilotunnus|personnummer|birth|syntym|födelse|income|tulot|benefit|etuus|disabilit|vamma/i;

const columns = [
  ...NODE_TABLES.flatMap((t) => Object.keys(t.columns).map((c) => `${t.label}.${c}`)),
  ...REL_TABLES.flatMap((t) => Object.keys(t.columns).map((c) => `${t.type}.${c}`)),
];

describe('personal data in the schema', () => {
  it('has no field for data about clients of social services', () => {
    expect(columns.length).toBeGreaterThan(50);
    expect(columns.filter((c) => CLIENT_DATA.test(c))).toEqual([]);
  });

  it('holds a named person with exactly the fields docs/privacy.md lists', () => {
    const person = NODE_TABLES.find((t) => t.label === 'Person');
    expect(Object.keys(person!.columns).sort()).toEqual(['id', 'name', 'email', 'roleTitle', 'consentGivenAt', 'consentText', 'createdAt', 'updatedAt'].sort());
  });

  it('keeps the only other person fields to accounts and to who made a change', () => {
    const personal = /name|email|phone|puhelin|address|osoite/i;
    const named = columns.filter((c) => personal.test(c) && !c.startsWith('Person.'));
    // Organisations, projects, activities, networks, vocabulary and places have names; people do not,
    // except the users of Verkosto itself (User.name is caught by the name rule above).
    expect(named.filter((c) => !/\.(name|nameKey|nameFi|nameSv|nameEn|mergedNames)$/.test(c)).sort()).toEqual(['Change.actorEmail', 'User.email']);
  });
});
