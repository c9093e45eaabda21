import type { NestExpressApplication } from '@nestjs/platform-express';
import { CaseTransition, Permission, RepressionDictionary, Role, rolePermissions } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import pg from 'pg';
import simpleRestProvider from 'ra-data-simple-rest';
import { type DataProvider, fetchUtils, type RaRecord } from 'ra-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

/**
 * The stock react-admin client, unchanged, against every list resource of the API: getList with paging,
 * getOne, getMany and getManyReference, as each role that may read the resource. Only the fetch is ours:
 * fetchUtils.fetchJson with the caller's bearer token, as the back office's wrapper sends it.
 */

/** A resource as the stock client names it: its path under /api. */
interface ListResource {
  path: string;
  /** Who may list it: the roles holding this permission (every role when absent). */
  permission?: Permission;
  /** getList's filter when the list needs one (the evidence of one case). */
  filter?: () => Record<string, unknown>;
  /** A reference a screen follows: getManyReference(target = id) answers only rows whose `field` is id. */
  reference?: () => { target: string; id: string; field: string };
  /** The list's own sort, tried besides react-admin's default `["id","ASC"]`. */
  sort?: string;
  /**
   * Roles that may read the resource but to whom the fixture's records are out of scope (the commission sees
   * cases only once they reach it): their list is empty, or refused as for a case they cannot see, and
   * getMany of the records others see answers none of them.
   */
  outOfScope?: Partial<Record<Role, 'empty' | 'not-found'>>;
  /** The audit log grows with every read, its own included. */
  growing?: boolean;
}

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('react-admin simple-REST dialect: the stock client on every list', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  const sessions = new Map<Role | 'wg_member_zhambyl', HttpSession>();
  const ids: Record<string, string> = {};

  /** ra-data-simple-rest as it ships, its fetch carrying the caller's token. */
  const client = (session: HttpSession): DataProvider =>
    simpleRestProvider(`${baseUrl}/api`, (url: string, options: fetchUtils.Options = {}) =>
      fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${session.token}` } }),
    );
  const as = (role: Role | 'wg_member_zhambyl') => client(sessions.get(role)!);

  const resources: ListResource[] = [
    { path: 'cases', permission: Permission.CasesRead, sort: 'updatedAt', outOfScope: { commission_member: 'empty', chair: 'empty' }, reference: () => ({ target: 'regionCode', id: 'ALM', field: 'regionCode' }) },
    { path: 'archive-requests', permission: Permission.ArchiveRequestsRead, sort: 'dueDate', outOfScope: { commission_member: 'empty', chair: 'empty' }, reference: () => ({ target: 'caseId', id: ids.almatyCase!, field: 'caseId' }) },
    { path: 'evidence', permission: Permission.EvidenceRead, sort: 'createdAt', filter: () => ({ caseId: ids.almatyCase! }), outOfScope: { commission_member: 'not-found', chair: 'not-found' }, reference: () => ({ target: 'caseId', id: ids.almatyCase!, field: 'caseId' }) },
    { path: 'commission/sessions', permission: Permission.CommissionRead, sort: 'date' },
    { path: 'users', permission: Permission.UsersRead, sort: 'email', reference: () => ({ target: 'regionCode', id: 'ALM', field: 'regionCode' }) },
    { path: 'audit-log', permission: Permission.AuditRead, sort: 'occurredAt', growing: true, reference: () => ({ target: 'entityId', id: ids.almatyCase!, field: 'entityId' }) },
    { path: 'notifications', sort: 'createdAt' },
    { path: 'dictionaries/regions', permission: Permission.ReferenceRead, sort: 'code' },
    { path: 'dictionaries/archives', permission: Permission.ReferenceRead, sort: 'code', reference: () => ({ target: 'regionCode', id: 'ALM', field: 'regionCode' }) },
    { path: 'dictionaries/victim-categories', permission: Permission.ReferenceRead, sort: 'code' },
    { path: 'dictionaries/legal-articles', permission: Permission.ReferenceRead, sort: 'code' },
    ...Object.values(RepressionDictionary).map((name) => ({ path: `dictionaries/${name}`, permission: Permission.ReferenceRead, sort: 'nameEn' })),
    { path: 'places', permission: Permission.ReferenceRead, sort: 'nameEn', reference: () => ({ target: 'regionCode', id: 'ALM', field: 'regionCode' }) },
    { path: 'registry/persons', permission: Permission.RegistryRead, sort: 'nameKk' },
    { path: 'inventory', permission: Permission.ReferenceRead, sort: 'reference', reference: () => ({ target: 'archiveCode', id: 'SPEC-MVD', field: 'archiveCode' }) },
    { path: 'events', permission: Permission.EventsRead, sort: 'dateEarliest', reference: () => ({ target: 'kind', id: 'uprising', field: 'kind' }) },
    { path: 'registry/duplicates', permission: Permission.RegistryRead, sort: 'score', reference: () => ({ target: 'personId', id: ids.personA!, field: 'personAId' }) },
  ];

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    for (const login of demoLogins) sessions.set(login.role, await HttpSession.loginAs(baseUrl, login));
    const admin = sessions.get(Role.Admin)!;
    await admin.post('/api/users', { email: 'zhambyl.dialect@aqtalu.kz', displayName: 'Жамбыл мүшесі', password: 'taraz steppe passphrase', role: Role.WgMember, regionCode: 'ZHA' });
    sessions.set('wg_member_zhambyl', await HttpSession.login(baseUrl, 'zhambyl.dialect@aqtalu.kz', 'taraz steppe passphrase'));

    // two Almaty cases and one of Zhambyl; the first Almaty case in archive verification with a request and a file
    const secretary = sessions.get(Role.Secretary)!;
    const open = async (regionCode: string, name: string) => {
      const created = await secretary.post<{ id: string; version: number }>('/api/cases', {
        regionCode, categoryCode: 'counter_revolutionary', applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы' }, subjects: [{ nameKk: name }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body;
    };
    const almaty = await open('ALM', 'Жұмабаев Қабдолла');
    await open('ALM', 'Сейфуллин Сәкен');
    ids.zhambylCase = (await open('ZHA', 'Байтұрсынов Ахмет')).id;
    ids.almatyCase = almaty.id;
    let version = almaty.version;
    for (const step of [CaseTransition.Submit, CaseTransition.StartIntake, CaseTransition.AcceptForVerification]) {
      const moved = await secretary.post<{ version: number }>(`/api/cases/${almaty.id}/transitions/${step}`, { version });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      version = moved.body.version;
    }
    const member = sessions.get(Role.WgMember)!;
    for (const archiveCode of ['SPEC-MVD', 'APRK']) {
      const request = await member.post<{ id: string }>(`/api/cases/${almaty.id}/archive-requests`, { archiveCode, sought: 'the investigation file' });
      expect(request.status, JSON.stringify(request.body)).toBe(201);
      ids[archiveCode] = request.body.id;
    }
    for (const [name, fields] of [['troika.png', { archiveRequestId: ids['SPEC-MVD']! }], ['note.png', {}]] as const) {
      const form = new FormData();
      for (const [key, value] of Object.entries({ kind: 'troika_protocol', ...fields })) form.append(key, value);
      form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), name);
      const uploaded = await fetch(`${baseUrl}/api/cases/${almaty.id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${member.token}` }, body: form });
      expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    }
    await secretary.post('/api/commission/sessions', { date: '2026-12-10' });
    await secretary.post('/api/commission/sessions', { date: '2026-12-24' });

    // a proposed duplicate pair of two registry persons, and a notification for everyone
    const persons = (await db.query(`SELECT id FROM persons ORDER BY id LIMIT 2`)).rows as Array<{ id: string }>;
    [ids.personA, ids.personB] = persons.map((person) => person.id);
    await db.query(`INSERT INTO duplicate_candidates (person_a_id, person_b_id, score, reasons, status) VALUES ($1, $2, 0.9, '[]', 'proposed')`, [ids.personA, ids.personB]);
    await db.query(`INSERT INTO notifications (user_id, kind, params) SELECT id, 'account.created', '{}' FROM users`);

    // three files of inventories: two of the special archive, one of the President's
    for (const [archiveCode, delo] of [['SPEC-MVD', '11573'], ['SPEC-MVD', '11574'], ['APRK', '1234']]) {
      const entry = await secretary.post('/api/inventory', { archiveCode, fond: '2', opis: '1', delo, status: 'declassified' });
      expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    }
    // three events: two uprisings and a mass operation
    for (const [kind, nameRu, date] of [['uprising', 'Восстание в Каркаралинском уезде', '1931'], ['uprising', 'Адаевское восстание', '1931'], ['mass_operation', 'Операция по приказу № 00447', '1937–1938']]) {
      const event = await secretary.post('/api/events', { kind, nameRu, date });
      expect(event.status, JSON.stringify(event.body)).toBe(201);
    }
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  const readers = (resource: ListResource) => Object.values(Role).filter((role) => !resource.permission || rolePermissions[role].includes(resource.permission));

  for (const resource of resources) {
    describe(resource.path, () => {
      it.each(readers(resource))('as %s: getList pages with Content-Range, getOne, getMany exactly, getManyReference by its target', async (role) => {
        const sut = as(role);
        const filter = resource.filter?.() ?? {};
        const outOfScope = resource.outOfScope?.[role];
        if (outOfScope) {
          const list = sut.getList(resource.path, { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter });
          if (outOfScope === 'empty') await expect(list).resolves.toEqual({ data: [], total: 0 });
          else await expect(list).rejects.toMatchObject({ status: 404 });
          const seenBySecretary = await as(Role.Secretary).getList(resource.path, { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter });
          expect(seenBySecretary.total).toBeGreaterThan(0);
          const many = await sut.getMany(resource.path, { ids: seenBySecretary.data.map((record) => record.id) });
          expect(many.data).toEqual([]);
          return;
        }
        const all = await sut.getList(resource.path, { pagination: { page: 1, perPage: 500 }, sort: { field: 'id', order: 'ASC' }, filter });
        if (resource.growing) expect(all.total).toBeGreaterThanOrEqual(all.data.length);
        else expect(all.total).toBe(all.data.length);
        const allIds = all.data.map((record) => String(record.id));
        expect(new Set(allIds).size).toBe(allIds.length);
        expect(allIds.length, `${role} sees some ${resource.path}`).toBeGreaterThan(0);

        // paging: two at a time, in the same order as the whole list
        const first = await sut.getList(resource.path, { pagination: { page: 1, perPage: 2 }, sort: { field: 'id', order: 'ASC' }, filter });
        const second = await sut.getList(resource.path, { pagination: { page: 2, perPage: 2 }, sort: { field: 'id', order: 'ASC' }, filter });
        if (!resource.growing) expect(first.total).toBe(all.total);
        expect([...first.data, ...second.data].map((record) => String(record.id))).toEqual(allIds.slice(0, 4));
        if (resource.sort && !resource.growing) {
          const own = await sut.getList(resource.path, { pagination: { page: 1, perPage: 500 }, sort: { field: resource.sort, order: 'DESC' }, filter });
          expect(own.data.map((record) => String(record.id)).sort()).toEqual([...allIds].sort());
        }

        const one = await sut.getOne(resource.path, { id: all.data[0]!.id });
        expect(String(one.data.id)).toBe(allIds[0]);

        const wanted = allIds.length > 2 ? [allIds[allIds.length - 1]!, allIds[0]!] : allIds;
        const many = await sut.getMany(resource.path, { ids: wanted });
        expect(many.data.map((record: RaRecord) => String(record.id)).sort()).toEqual([...wanted].sort());

        const reference = resource.reference?.();
        if (reference) {
          const referenced = await sut.getManyReference(resource.path, {
            target: reference.target, id: reference.id, pagination: { page: 1, perPage: 500 }, sort: { field: 'id', order: 'ASC' }, filter: {},
          });
          if (!resource.growing) expect(referenced.data.length).toBe(referenced.total);
          expect(referenced.data.length).toBeGreaterThan(0);
          for (const record of referenced.data) expect(record[reference.field]).toBe(reference.id);
        }
      });
    });
  }

  it('answers getMany within the caller’s scope: a member of Almaty never gets a Zhambyl case by its id', async () => {
    const asked = [ids.almatyCase!, ids.zhambylCase!];
    const almaty = await as(Role.WgMember).getMany('cases', { ids: asked });
    expect(almaty.data.map((record: RaRecord) => record.id)).toEqual([ids.almatyCase]);
    const zhambyl = await as('wg_member_zhambyl').getMany('cases', { ids: asked });
    expect(zhambyl.data.map((record: RaRecord) => record.id)).toEqual([ids.zhambylCase]);
    const secretary = await as(Role.Secretary).getMany('cases', { ids: asked });
    expect(secretary.data.map((record: RaRecord) => record.id).sort()).toEqual([...asked].sort());
  });

  it('answers getMany of archive requests and evidence within the liaison’s archive only', async () => {
    const requests = await as(Role.ArchiveLiaison).getMany('archive-requests', { ids: [ids['SPEC-MVD']!, ids.APRK!] });
    expect(requests.data.map((record: RaRecord) => record.id)).toEqual([ids['SPEC-MVD']]);
    const evidence = await as(Role.WgMember).getList('evidence', { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'ASC' }, filter: { caseId: ids.almatyCase } });
    expect(evidence.total).toBe(2);
    const liaisons = await as(Role.ArchiveLiaison).getMany('evidence', { ids: evidence.data.map((record) => String(record.id)) });
    expect(liaisons.data).toHaveLength(1);
    expect(liaisons.data[0]).toMatchObject({ archiveRequestId: ids['SPEC-MVD'] });
  });

  it('answers notifications of the caller only, by list and by id', async () => {
    const mine = await as(Role.Secretary).getList('notifications', { pagination: { page: 1, perPage: 500 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    const others = await as(Role.Chair).getMany('notifications', { ids: mine.data.map((record) => String(record.id)) });
    expect(others.data).toEqual([]);
    await expect(as(Role.Chair).getOne('notifications', { id: mine.data[0]!.id })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses a filter the list does not know with a 400 and a code, instead of a page of something else', async () => {
    const answer = await sessions.get(Role.Secretary)!.get<{ code: string; params: { filters: string[] } }>(`/api/cases?filter=${encodeURIComponent('{"personId":"x"}')}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'list.filter_unknown', params: { filters: ['personId'] } });
    const sort = await sessions.get(Role.Secretary)!.get<{ code: string }>(`/api/cases?sort=${encodeURIComponent('["summary","ASC"]')}`);
    expect(sort.status).toBe(400);
    expect(sort.body.code).toBe('list.sort_invalid');
    const badId = await sessions.get(Role.Secretary)!.get<{ code: string }>(`/api/cases?filter=${encodeURIComponent('{"id":["1; DROP TABLE cases"]}')}`);
    expect(badId.status).toBe(400);
    expect(badId.body.code).toBe('list.id_invalid');
  });
});
