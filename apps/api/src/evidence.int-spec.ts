import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EvidenceCheckState, EvidenceKind, Role } from '@aqtalu/contracts';
import { demoLogins } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, renderTestPdf, renderTestScan, type TestEnvironment } from '@aqtalu/testing';
import { createWorker } from '@aqtalu/worker';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

interface Check {
  check: string;
  state: EvidenceCheckState;
  reason: string | null;
  reasonCode: string | null;
  reasonParams: Record<string, unknown> | null;
}
interface Evidence {
  id: string;
  sha256: string;
  size: number;
  pages: number | null;
  duplicateOf: string | null;
  verification: string;
  quarantined: boolean;
  reference: { fond: string; opis: string; delo: string; text: string } | null;
  checks: Check[];
  detail?: string;
}

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;
describe('evidence: upload, background checks, search, verification', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;
  let db: pg.Client;
  let caseId: string;
  let pdf: Buffer;
  let png: Buffer;
  const sessions = new Map<string, HttpSession>();
  const as = async (email: string, password?: string) => {
    if (!sessions.has(email)) sessions.set(email, await HttpSession.login(baseUrl, email, password));
    return sessions.get(email)!;
  };
  const member = () => as(demo(Role.WgMember).email);
  const lead = () => as(demo(Role.WgLead).email);
  const zhambyl = () => as('zhambyl.evidence@aqtalu.kz', 'taraz steppe passphrase');

  async function upload(session: HttpSession, file: { bytes: Buffer; name: string; type: string }, fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [key, value] of Object.entries({ kind: EvidenceKind.TroikaProtocol, ...fields })) form.append(key, value);
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    const response = await fetch(`${baseUrl}/api/cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` }, body: form });
    return { status: response.status, body: (await response.json()) as Evidence };
  }

  /** The evidence once no check is pending or running. */
  async function checked(id: string): Promise<Evidence> {
    return eventually(async () => {
      const answer = await (await member()).get<Evidence>(`/api/evidence/${id}`);
      const done = answer.body.checks.every((c) => c.state !== EvidenceCheckState.Pending && c.state !== EvidenceCheckState.Running);
      return done ? answer.body : null;
    }, 60_000, `the checks of evidence ${id}`);
  }

  const stateOf = (evidence: Evidence) => Object.fromEntries(evidence.checks.map((c) => [c.check, c.state]));

  beforeAll(async () => {
    environment = await createTestEnvironment();
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    worker = await createWorker(environment.config);
    await worker.init();
    db = new pg.Client({ connectionString: environment.databaseUrl });
    await db.connect();
    const admin = await HttpSession.loginAs(baseUrl, demo(Role.Admin));
    const created = await admin.post('/api/users', { email: 'zhambyl.evidence@aqtalu.kz', displayName: 'Жамбыл мүшесі', password: 'taraz steppe passphrase', role: Role.WgMember, regionCode: 'ZHA' });
    expect(created.status).toBe(201);
    const opened = await (await as(demo(Role.Secretary).email)).post<{ id: string }>('/api/cases', {
      regionCode: 'ALM',
      categoryCode: 'counter_revolutionary',
      summary: 'Evidence of a troika sentence',
      applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'granddaughter', kinshipProof: 'birth certificates' },
      subjects: [{ nameKk: 'Жұмабаев Қабдолла', nameRu: 'Жумабаев Кабдолла' }],
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = opened.body.id;

    // Test files made here: a PDF with a text layer, and a raster "scan" of another PDF (pdftoppm → PNG, no text layer).
    pdf = await renderTestPdf([['Приговор исполнен', 'Жұмабаев Қабдолла']]);
    png = await renderTestScan(['Выписка из протокола', 'тройка НКВД постановила']);
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await worker?.close();
    await api?.close();
    await environment?.dispose();
  });

  it('checks a PDF and a scanned PNG in the background, and finds the scan by its OCR text', async () => {
    const pdfUpload = await upload(await member(), { bytes: pdf, name: 'execution-act.pdf', type: 'application/pdf' }, { kind: EvidenceKind.ExecutionAct, reference: 'ф. 141, оп. 1, д. 1234, л. 5–7', documentDate: '1938-02-17', language: 'ru' });
    expect(pdfUpload.status, JSON.stringify(pdfUpload.body)).toBe(201);
    expect(pdfUpload.body.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(pdfUpload.body.reference).toMatchObject({ fond: '141', opis: '1', delo: '1234' });
    expect(pdfUpload.body.checks.map((c) => c.check)).toEqual(['sniff', 'checksum', 'malware', 'active_content', 'text', 'thumbnail', 'proposals']);
    const pngUpload = await upload(await member(), { bytes: png, name: 'troika.png', type: 'image/png' });
    expect(pngUpload.status, JSON.stringify(pngUpload.body)).toBe(201);

    const checkedPdf = await checked(pdfUpload.body.id);
    expect(stateOf(checkedPdf)).toEqual({ sniff: 'passed', checksum: 'passed', malware: 'not_scanned', active_content: 'passed', text: 'passed', thumbnail: 'passed', proposals: 'passed' });
    expect(checkedPdf.checks.find((c) => c.check === 'malware')?.reason).toContain('CLAMAV_HOST');
    expect(checkedPdf.checks.find((c) => c.check === 'malware')).toMatchObject({ reasonCode: 'check.malware_not_configured', reasonParams: {} });
    expect(checkedPdf.pages).toBe(1);
    const checkedPng = await checked(pngUpload.body.id);
    expect(stateOf(checkedPng)).toEqual({ sniff: 'passed', checksum: 'passed', malware: 'not_scanned', ocr: 'passed', thumbnail: 'passed', proposals: 'passed' });

    const found = await (await member()).get<Evidence[]>(`/api/cases/${caseId}/evidence?filter=${encodeURIComponent(JSON.stringify({ q: 'тройка' }))}`);
    expect(found.status).toBe(200);
    expect(found.body.map((e) => e.id)).toEqual([pngUpload.body.id]);
    const byTextLayer = await (await member()).get<Evidence[]>(`/api/cases/${caseId}/evidence?filter=${encodeURIComponent(JSON.stringify({ q: 'Қабдолла' }))}`);
    expect(byTextLayer.body.map((e) => e.id)).toEqual([pdfUpload.body.id]);
    const all = await (await member()).get<Evidence[]>(`/api/cases/${caseId}/evidence`);
    expect(all.headers.get('content-range')).toMatch(/^evidence 0-\d+\/\d+$/);

    const download = await fetch(`${baseUrl}/api/evidence/${pdfUpload.body.id}/download`, { headers: { authorization: `Bearer ${(await member()).token}` } });
    expect(download.status).toBe(200);
    expect(createHash('sha256').update(Buffer.from(await download.arrayBuffer())).digest('hex')).toBe(pdfUpload.body.sha256);
    const audited = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'evidence.download' AND entity_id = $1 AND outcome = 'allowed'`, [pdfUpload.body.id]);
    expect(audited.rows[0].n).toBe(1);
  }, 90_000);

  it('makes a thumbnail of the first PDF page and of a scan, readable by those who may read the evidence', async () => {
    const twoPages = await upload(await member(), { bytes: await renderTestPdf([['Бірінші бет'], ['Второй лист']], [595, 842]), name: 'two-pages.pdf', type: 'application/pdf' });
    const scan = await upload(await member(), { bytes: await renderTestScan(['Тергеу ісі'], [900, 1200]), name: 'file.png', type: 'image/png' });
    for (const id of [twoPages.body.id, scan.body.id]) {
      const evidence = await checked(id);
      expect(evidence.checks.find((c) => c.check === 'thumbnail')?.state).toBe('passed');
      const response = await fetch(`${baseUrl}/api/evidence/${id}/thumbnail`, { headers: { authorization: `Bearer ${(await member()).token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await response.arrayBuffer());
      // PNG header: width and height at bytes 16–23, at most 320 pixels each, aspect kept
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      expect(Math.max(width, height)).toBeLessThanOrEqual(320);
      expect(height).toBeGreaterThan(width);
    }
    expect((await fetch(`${baseUrl}/api/evidence/${scan.body.id}/thumbnail`, { headers: { authorization: `Bearer ${(await zhambyl()).token}` } })).status).toBe(404);
  }, 90_000);

  it('proposes the references, dates and names its text mentions, linked only when a person confirms', async () => {
    const text = await renderTestPdf([['ЦГА РК, ф. 141, оп. 1, д. 1234, л. 5–7', 'Постановление тройки от 25.02.1938', 'Жумабаев Кабдолла — расстрелять']], [700, 220], 18);
    const uploaded = await upload(await member(), { bytes: text, name: 'extract.pdf', type: 'application/pdf' }, { kind: EvidenceKind.TroikaProtocol });
    const evidence = await checked(uploaded.body.id);
    expect(evidence.checks.find((c) => c.check === 'proposals')?.reason).toMatch(/found 1 reference\(s\), 1 date\(s\), 1 name\(s\)/);
    expect(evidence.checks.find((c) => c.check === 'proposals')).toMatchObject({ reasonCode: 'check.proposals_found', reasonParams: { references: 1, dates: 1, names: 1 } });
    interface Proposal { id: string; kind: string; text: string; page: number; personId: string | null; personName: string | null; status: string }
    const proposals = (await (await member()).get<Proposal[]>(`/api/evidence/${uploaded.body.id}/proposals`)).body;
    const byKind = Object.fromEntries(proposals.map((p) => [p.kind, p]));
    expect(byKind.reference).toMatchObject({ text: 'ЦГА РК, ф. 141, оп. 1, д. 1234, л. 5–7', page: 1, status: 'proposed' });
    expect(byKind.date).toMatchObject({ text: '25.02.1938', status: 'proposed' });
    // the case's subject is in the registry as «Жұмабаев Қабдолла»: the Russian spelling in the text matches it
    expect(byKind.person).toMatchObject({ text: 'Жумабаев Кабдолла', personName: 'Жұмабаев Қабдолла' });
    const untouched = (await (await member()).get<Evidence>(`/api/evidence/${uploaded.body.id}`)).body;
    expect(untouched.reference).toBeNull();

    const confirmed = await (await lead()).post<Proposal>(`/api/evidence/${uploaded.body.id}/proposals/${byKind.reference.id}/confirm`, {});
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect((await (await member()).get<Evidence>(`/api/evidence/${uploaded.body.id}`)).body.reference).toMatchObject({ fond: '141', delo: '1234', archive: 'ЦГА РК' });
    expect((await (await lead()).post(`/api/evidence/${uploaded.body.id}/proposals/${byKind.reference.id}/confirm`, {})).status).toBe(409);
    expect((await (await lead()).post(`/api/evidence/${uploaded.body.id}/proposals/${byKind.person.id}/confirm`, {})).status).toBe(200);
    expect((await (await lead()).post(`/api/evidence/${uploaded.body.id}/proposals/${byKind.date.id}/dismiss`, {})).status).toBe(200);
    expect((await (await zhambyl()).get(`/api/evidence/${uploaded.body.id}/proposals`)).status).toBe(404);

    // a recheck finds the same proposals again and keeps the decisions
    await (await member()).post(`/api/evidence/${uploaded.body.id}/recheck`, {});
    await checked(uploaded.body.id);
    const again = (await (await member()).get<Proposal[]>(`/api/evidence/${uploaded.body.id}/proposals`)).body;
    expect(again.map((p) => [p.kind, p.status]).sort()).toEqual([['date', 'dismissed'], ['person', 'confirmed'], ['reference', 'confirmed']]);
    const audited = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'evidence.proposal_%' ORDER BY id`, [uploaded.body.id]);
    expect(audited.rows.map((r) => r.action)).toEqual(['evidence.proposal_confirm', 'evidence.proposal_confirm', 'evidence.proposal_dismiss']);
  }, 90_000);

  it('refuses at upload a file whose content does not match its declared type, storing nothing', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM evidence`)).rows[0].n;
    const answer = await upload(await member(), { bytes: Buffer.from('plain text, not a PDF at all\n'), name: 'protocol.pdf', type: 'application/pdf' });
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toContain('declared as application/pdf but its content is not a recognised file type');
    const png2 = await upload(await member(), { bytes: png, name: 'looks-like.pdf', type: 'application/pdf' });
    expect(png2.status).toBe(400);
    expect(png2.body.detail).toContain('its content is image/png');
    expect((await db.query(`SELECT count(*)::int AS n FROM evidence`)).rows[0].n).toBe(before);
  });

  it('names the part of an archival reference it could not read', async () => {
    const answer = await upload(await member(), { bytes: pdf, name: 'act.pdf', type: 'application/pdf' }, { reference: 'ф. 141, оп. 1' });
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toMatch(/^reference: the delo could not be read/);
  });

  it('detects a duplicate upload and links it to the first', async () => {
    const first = await upload(await member(), { bytes: pdf, name: 'copy-1.pdf', type: 'application/pdf' }, { kind: EvidenceKind.Other });
    const earlier = (await db.query(`SELECT id FROM evidence WHERE case_id = $1 AND sha256 = $2 ORDER BY created_at, id LIMIT 1`, [caseId, first.body.sha256])).rows[0].id;
    const second = await checked(first.body.id);
    expect(second.duplicateOf).toBe(earlier);
    expect(second.checks.find((c) => c.check === 'checksum')?.reason).toContain(`already evidence ${earlier}`);
    expect(second.checks.find((c) => c.check === 'checksum')).toMatchObject({ reasonCode: 'check.checksum_duplicate', reasonParams: { evidenceId: earlier } });
  }, 60_000);

  it('refuses verification by the uploader and accepts it from another member of the group', async () => {
    const uploaded = await upload(await member(), { bytes: png, name: 'troika-again.png', type: 'image/png' }, { kind: EvidenceKind.TroikaProtocol });
    await checked(uploaded.body.id);
    const own = await (await member()).post<Evidence>(`/api/evidence/${uploaded.body.id}/verify`, { verified: true });
    expect(own.status).toBe(403);
    expect(own.body.detail).toContain('four eyes');
    const other = await (await lead()).post<Evidence>(`/api/evidence/${uploaded.body.id}/verify`, { verified: true });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    expect(other.body.verification).toBe('verified');
    const noReason = await (await lead()).post<Evidence>(`/api/evidence/${uploaded.body.id}/verify`, { verified: false });
    expect(noReason.status).toBe(400);
  }, 60_000);

  it('answers 404 to a member of another region, for the list, the evidence and its file', async () => {
    const [{ id }] = (await db.query(`SELECT id FROM evidence WHERE case_id = $1 LIMIT 1`, [caseId])).rows;
    expect((await (await zhambyl()).get(`/api/cases/${caseId}/evidence`)).status).toBe(404);
    expect((await (await zhambyl()).get(`/api/evidence/${id}`)).status).toBe(404);
    expect((await (await zhambyl()).get(`/api/evidence/${id}/download`)).status).toBe(404);
    const denied = await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'access.denied' AND entity_id IN ($1, $2)`, [caseId, id]);
    expect(denied.rows[0].n).toBeGreaterThanOrEqual(3);
  });
});
