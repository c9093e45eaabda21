import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  generatePersons, isExcludedPerson, kazakhFemaleNames, kazakhMaleNames, kazakhSurnameRoots, russianFemaleNames, russianMaleNames,
  russianSurnames, roughKey, type GeneratedPerson,
} from './realistic-names.js';

// the copy of ../shared/data/name-variants.tsv kept in the domain's testdata (it must equal the shared file)
const variantsUrl = new URL('../../../libs/domain/src/names/testdata/name-variants.tsv', import.meta.url);

const take = (count: number, seed = 7): GeneratedPerson[] => [...generatePersons({ seed, count })];

describe('realistic generator', () => {
  it('has hundreds of Kazakh and of Russian and other names', () => {
    expect(new Set([...kazakhMaleNames, ...kazakhFemaleNames]).size).toBeGreaterThanOrEqual(200);
    expect(new Set(kazakhSurnameRoots).size).toBeGreaterThanOrEqual(200);
    expect(new Set([...russianMaleNames, ...russianFemaleNames]).size).toBeGreaterThanOrEqual(200);
    expect(new Set(russianSurnames).size).toBeGreaterThanOrEqual(200);
  });

  it('is deterministic for a seed and different for another', () => {
    expect(take(500).map((p) => p.fullName)).toEqual(take(500).map((p) => p.fullName));
    expect(take(500, 8).map((p) => p.fullName)).not.toEqual(take(500).map((p) => p.fullName));
  });

  it('writes every scheme and format, with 10–15 % typos', { timeout: 30_000 }, () => {
    const people = take(20_000);
    expect(new Set(people.map((p) => p.scheme))).toEqual(new Set(['kk-cyrl', 'ru-cyrl', 'kk-latn-2021', 'kk-latn-2017', 'kk-latn-2018', 'bgn-pcgn', 'passport']));
    expect(new Set(people.map((p) => p.format)).size).toBe(6);
    const typos = people.filter((p) => p.typo).length / people.length;
    expect(typos).toBeGreaterThanOrEqual(0.1);
    expect(typos).toBeLessThanOrEqual(0.15);
    expect(people.some((p) => /ұлы$|қызы$/u.test(p.patronymic))).toBe(true);
    expect(people.some((p) => /(ович|евич|овна|евна)$/u.test(p.patronymic))).toBe(true);
    expect(people.some((p) => /^Дж/u.test(p.surname) || /^Дж/u.test(p.givenName))).toBe(true);
    expect(people.some((p) => p.scheme === 'kk-latn-2017' && p.fullName.includes("'"))).toBe(true);
    expect(people.some((p) => p.scheme === 'kk-latn-2018' && /[áóúý]/u.test(p.fullName))).toBe(true);
    expect(people.some((p) => p.scheme === 'kk-latn-2021' && /[äöüūğş]/u.test(p.fullName))).toBe(true);
    // every spelling other than a typo is in one script
    for (const p of people.filter((person) => !person.typo)) expect(/[a-z]/iu.test(p.fullName) && /[а-яё]/iu.test(p.fullName)).toBe(false);
  });

  it('makes namesakes who differ in patronymic, year or place, and siblings sharing surname and patronymic', { timeout: 30_000 }, () => {
    const people = take(20_000);
    const byPerson = new Map(people.filter((p) => p.relation === 'person').map((p) => [p.personId, p]));
    const namesakes = people.filter((p) => p.relation === 'namesake');
    const siblings = people.filter((p) => p.relation === 'brother');
    expect(namesakes.length).toBeGreaterThan(300);
    expect(siblings.length).toBeGreaterThan(200);
    for (const namesake of namesakes) {
      const original = byPerson.get(namesake.relatedTo!)!;
      expect(namesake.personId).not.toBe(original.personId);
      expect(roughKey(namesake.givenName.split(' ')[0]!) === roughKey(original.givenName.split(' ')[0]!) || namesake.scheme !== original.scheme).toBe(true);
    }
    const distinct = new Set(people.map((p) => p.personId));
    expect(distinct.size).toBe(people.length); // no duplicates unless asked for
  });

  it('generates none of the people of the shared list of spellings', { timeout: 30_000 }, () => {
    const shared: { person: string; given: string; surname: string }[] = [];
    for (const line of readFileSync(variantsUrl, 'utf8').split(/\r?\n/u)) {
      const [person, spelling] = line.split('\t');
      if (!person || line.startsWith('#') || !spelling) continue;
      const parts = spelling.split(' ').filter((w) => !w.endsWith('.'));
      // "Surname Given Patronymic" when three words, "Given Surname" when two
      const [given, surname] = parts.length === 3 ? [parts[1]!, parts[0]!] : [parts[0]!, parts[parts.length - 1]!];
      if (parts.length >= 2) shared.push({ person, given, surname });
    }
    expect(shared.length).toBeGreaterThan(60);
    for (const { given, surname } of shared) expect(isExcludedPerson(given, surname), `${given} ${surname}`).toBe(true);
    const sharedKeys = new Set(shared.map(({ given, surname }) => `${roughKey(given)}|${roughKey(surname)}`));
    for (const p of take(20_000, 11)) {
      const given = p.givenName.split(' ')[0]!;
      expect(sharedKeys.has(`${roughKey(given)}|${roughKey(p.surname)}`), p.fullName).toBe(false);
    }
  });
});
