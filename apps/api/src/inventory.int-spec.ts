import type { NestExpressApplication } from '@nestjs/platform-express';
import { CaseTransition, Role, type InventoryEntryView } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, HttpSession, type TestEnvironment } from '@aqtalu/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;

describe('archive inventories', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let baseUrl: string;
  let db: pg.Client;
  const sessions = new Map<string, HttpSession>();
  const as = async (email: string, password?: string) => {
    if (!sessions.has(email)) sessions.set(email, await HttpSession.login(baseUrl, email, password));
    return sessions.get(email)!;
  };
  const liaison = () => as(demo(Role.ArchiveLiaison).email);

  async function importList(session: HttpSession, archiveCode: string, csv: string) {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'opis-1.csv');
    form.append('archiveCode', archiveCode);
    form.append('mapping', JSON.stringify({ fond: 'Фонд', opis: 'Опись', delo: 'Дело', title: 'Заголовок', years: 'Годы', status: 'Статус', declassifiedOn: 'Рассекречено' }));
    const answer = await fetch(`${baseUrl}/api/inventory/import`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` }, body: form });
    return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await api?.close();
    await environment?.dispose();
  });

  it('imports an inventory from CSV: a list with a bad row is refused whole, the fixed list adds its files, a second import updates them', async () => {
    const header = 'Фонд,Опись,Дело,Заголовок,Годы,Статус,Рассекречено';
    const bad = await importList(await liaison(), 'SPEC-MVD', `${header}\n2,1,11573,Следственное дело,1937–1938,declassified,1992-06-30\n2,1,,Без номера,1937,declassified,\n2,1,11574,Протоколы,1938,secret,\n`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'import.rows_invalid', params: { count: 2 } });
    expect((bad.body.report as { errors: Array<{ code: string; line: number }> }).errors.map((error) => [error.line, error.code])).toEqual([[3, 'inventory.row_field_empty'], [4, 'inventory.row_status']]);
    expect((await db.query(`SELECT count(*)::int AS n FROM archive_inventory_entries`)).rows[0].n).toBe(0);

    const good = await importList(await liaison(), 'SPEC-MVD', `${header}\n2,1,11573,Следственное дело,1937–1938,declassified,1992-06-30\n2,1,11574,Протоколы тройки,1938,classified,\n10,2,7,Списки раскулаченных,1931,unknown,\n`);
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body).toEqual({ totalRows: 3, created: 3, updated: 0 });
    const again = await importList(await liaison(), 'SPEC-MVD', `${header}\n2,1,11574,Протоколы тройки,1938,declassified,2024-01-15\n`);
    expect(again.body).toEqual({ totalRows: 1, created: 0, updated: 1 });

    // a liaison keeps the inventory of their own archive only
    const foreign = await importList(await liaison(), 'APRK', `${header}\n1,1,1,Дело,1930,unknown,\n`);
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('inventory.archive_not_yours');

    const list = await (await as(demo(Role.WgMember).email)).get<InventoryEntryView[]>(`/api/inventory?filter=${encodeURIComponent(JSON.stringify({ archiveCode: 'SPEC-MVD', fond: '2' }))}&sort=${encodeURIComponent('["reference","ASC"]')}`);
    expect(list.body.map((entry) => [entry.reference, entry.status, entry.declassifiedOn])).toEqual([
      ['ф. 2, оп. 1, д. 11573', 'declassified', '1992-06-30'],
      ['ф. 2, оп. 1, д. 11574', 'declassified', '2024-01-15'],
    ]);
    const audited = await db.query(`SELECT details FROM audit_log WHERE action = 'inventory.import' ORDER BY occurred_at`);
    expect(audited.rows.map((row) => row.details.created)).toEqual([3, 0]);
  });

  it('shows which files mention a person, and lets an archive request cite a file of its archive only', async () => {
    const secretary = await as(demo(Role.Secretary).email);
    const member = await as(demo(Role.WgMember).email);
    const entry = (await secretary.post<InventoryEntryView>('/api/inventory', { archiveCode: 'SPEC-MVD', fond: '2', opis: '1', delo: '20001', title: 'Дело Жұмабаева', status: 'declassified', declassifiedOn: '1992-06-30' })).body;
    const other = (await secretary.post<InventoryEntryView>('/api/inventory', { archiveCode: 'APRK', fond: '141', opis: '1', delo: '1234', title: 'Протоколы', status: 'classified' })).body;
    const duplicate = await secretary.post<{ code: string }>('/api/inventory', { archiveCode: 'APRK', fond: '141', opis: '1', delo: '1234', status: 'unknown' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('inventory.entry_exists');

    const opened = await secretary.post<{ id: string; version: number; subjects: Array<{ personId: string }> }>('/api/cases', {
      regionCode: 'ALM', categoryCode: 'counter_revolutionary', applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы' }, subjects: [{ nameKk: 'Жұмабаев Қабдолла' }],
    });
    const personId = opened.body.subjects[0]!.personId;
    expect((await member.post(`/api/inventory/${entry.id}/mentions`, { personId, sheets: 'л. 5–7' })).status).toBe(200);
    const files = await member.get<Array<InventoryEntryView & { sheets: string }>>(`/api/registry/persons/${personId}/files`);
    expect(files.body).toEqual([expect.objectContaining({ id: entry.id, archiveCode: 'SPEC-MVD', reference: 'ф. 2, оп. 1, д. 20001', sheets: 'л. 5–7', mentions: 1 })]);

    let version = opened.body.version;
    for (const step of [CaseTransition.Submit, CaseTransition.StartIntake, CaseTransition.AcceptForVerification]) {
      const moved = await secretary.post<{ version: number }>(`/api/cases/${opened.body.id}/transitions/${step}`, { version });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      version = moved.body.version;
    }
    const request = await member.post<{ id: string }>(`/api/cases/${opened.body.id}/archive-requests`, { archiveCode: 'SPEC-MVD', sought: 'the investigation file' });
    expect(request.status).toBe(201);
    const cited = await member.post<{ inventoryEntry: InventoryEntryView }>(`/api/archive-requests/${request.body.id}/inventory-entry`, { inventoryEntryId: entry.id });
    expect(cited.status, JSON.stringify(cited.body)).toBe(200);
    expect(cited.body.inventoryEntry.reference).toBe('ф. 2, оп. 1, д. 20001');
    expect((await db.query(`SELECT inventory_entry_id FROM archive_requests WHERE id = $1`, [request.body.id])).rows[0].inventory_entry_id).toBe(entry.id);
    const wrongArchive = await member.post<{ code: string }>(`/api/archive-requests/${request.body.id}/inventory-entry`, { inventoryEntryId: other.id });
    expect(wrongArchive.status).toBe(400);
    expect(wrongArchive.body.code).toBe('inventory.entry_other_archive');
    // the commission may read cases on its agenda, not name files of a request
    const chair = await as(demo(Role.Chair).email);
    expect((await chair.post(`/api/archive-requests/${request.body.id}/inventory-entry`, { inventoryEntryId: entry.id })).status).toBe(403);
  });
});
