import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArchiveRequestAction, ArchiveRequestStatus, auditActions, caseEventKinds, type AuditEntryResponse, type HistoryEntry } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { auditSentence, auditSentences, historySentence, historySentences } from './history';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const translate = (key: string, options?: Record<string, unknown>) => String(options?._ ?? key);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(name) ? [path] : [];
  });
}
const code = ['libs/server/src', 'apps/api/src', 'apps/worker/src'].flatMap((dir) => sources(join(root, dir))).map((path) => readFileSync(path, 'utf8'));

/** The audit actions the code writes: `action: '…'`, `action: x ? '…' : '…'`, `` `prefix.${…}` `` and the reads CaseAccess records. */
function actionsWritten(): string[] {
  const found = new Set<string>();
  for (const text of code) {
    for (const match of text.matchAll(/\baction: *'([a-z_.-]+)'/g)) found.add(match[1]!);
    for (const match of text.matchAll(/\baction: *[\w.]+ \? '([a-z_.-]+)' : '([a-z_.-]+)'/g)) [match[1]!, match[2]!].forEach((action) => found.add(action));
    for (const match of text.matchAll(/\baction: *`([a-z_.]+)\$\{([^}]+)\}`/g)) {
      const literals = [...match[2]!.matchAll(/'([a-z_-]+)'/g)].map((literal) => literal[1]!);
      const values = literals.length > 0 ? literals : match[1] === 'archive_request.' ? Object.values(ArchiveRequestAction) : [`<${match[2]}>`];
      values.forEach((value) => found.add(`${match[1]}${value}`));
    }
    for (const match of text.matchAll(/Permission\.\w+, (?:undefined|manager|\w+), '([a-z_]+\.[a-z_]+)'\)/g)) found.add(match[1]!);
  }
  return [...found].sort();
}

/** The kinds of case events the code writes: `.event(manager, case, actor, '…'` and the archive requests' `archive_request_${to}`. */
function eventKindsWritten(): string[] {
  const found = new Set<string>();
  for (const text of code) {
    for (const match of text.matchAll(/\.event\([^,]+, [^,]+, [^,]+, '([a-z_]+)'/g)) found.add(match[1]!);
    if (/\.event\([^,]+, [^,]+, [^,]+, `archive_request_\$\{verdict\.to\}`/.test(text)) {
      Object.values(ArchiveRequestStatus).filter((status) => status !== ArchiveRequestStatus.Sent).forEach((status) => found.add(`archive_request_${status}`));
    }
  }
  return [...found].sort();
}

describe('the sentences of the audit log and of a case history', () => {
  it('name every audit action the code writes (a new action goes into auditActions of libs/contracts, with its sentences)', () => {
    const written = actionsWritten();
    expect(written.length).toBeGreaterThan(50);
    expect(written.filter((action) => !(auditActions as readonly string[]).includes(action))).toEqual([]);
  });

  it('name every kind of case event the code writes', () => {
    const written = eventKindsWritten();
    expect(written).toContain('transition');
    expect(written.filter((kind) => !(caseEventKinds as readonly string[]).includes(kind))).toEqual([]);
  });

  it.each(['kk', 'ru', 'en'] as const)('read every audit action and every history kind in %s, with every placeholder filled', (locale) => {
    for (const action of auditActions) {
      const template = auditSentences[locale][action];
      expect(template, action).toMatch(/\S/);
      if (locale !== 'en') expect(template, `${action} is not translated to ${locale}`).not.toBe(auditSentences.en[action]);
    }
    for (const kind of caseEventKinds) {
      const template = historySentences[locale][kind];
      expect(template, kind).toMatch(/\S/);
      if (locale !== 'en') expect(template, `${kind} is not translated to ${locale}`).not.toBe(historySentences.en[kind]);
    }
  });

  it('says who did what to which case by number and name, in the screen language', () => {
    const entry: AuditEntryResponse = {
      id: '7', occurredAt: '2026-11-30T10:00:00Z', actorId: 'u1', actorRole: 'wg_member', actorEmail: 'a@aqtalu.kz', actorName: 'Айгерім Нұрланқызы',
      action: 'case.read', outcome: 'allowed', entityType: 'case', entityId: '0b7c4a52-6b5e-4c0e-9d38-1f6a1b0c9f11', diff: null, details: null,
      requestId: null, ip: null, hash: 'h', params: { caseNumber: '2026/ALM/12' },
    };
    expect(auditSentence(entry, 'ru', translate)).toBe('Айгерім Нұрланқызы открыл(а) дело 2026/ALM/12');
    expect(auditSentence(entry, 'kk', translate)).toBe('Айгерім Нұрланқызы 2026/ALM/12 ісін ашты');
    const person = { ...entry, action: 'person.read', entityType: 'person', params: { personNameKk: 'Жұмабаев Қабдолла', personNameRu: 'Жумабаев Кабдолла' } };
    expect(auditSentence(person, 'kk', translate)).toContain('Жұмабаев Қабдолла');
    expect(auditSentence(person, 'ru', translate)).toContain('Жумабаев Кабдолла');
    // a case deleted since is still named, by its id
    expect(auditSentence({ ...entry, params: {} }, 'en', translate)).toContain(entry.entityId!);
  });

  it('reads a transition in the words of the lifecycle and an archive request by the archive name', () => {
    const words: Record<string, string> = { 'resources.cases.transitions.names.submit': 'Подать', 'resources.cases.status.draft': 'Черновик', 'resources.cases.status.submitted': 'Подано' };
    const say = (key: string, options?: Record<string, unknown>) => words[key] ?? String(options?._ ?? key);
    const transition: HistoryEntry = {
      id: '1', occurredAt: '2026-11-30T10:00:00Z', kind: 'transition', data: { transition: 'submit', from: 'draft', to: 'submitted', reason: null },
      actorId: 'u1', actorName: 'Айгерім', params: { transition: 'submit', from: 'draft', to: 'submitted', reason: null },
    };
    expect(historySentence(transition, 'ru', say)).toBe('Айгерім: Подать — дело перешло из «Черновик» в «Подано»');
    const sent: HistoryEntry = {
      ...transition, kind: 'archive_request_sent', data: { archiveCode: 'GA-ALM', dueDate: '2026-12-30' },
      params: { archiveCode: 'GA-ALM', dueDate: '2026-12-30', archiveNameKk: 'Алматы облысының мемлекеттік мұрағаты', archiveNameRu: 'Государственный архив Алматинской области' },
    };
    expect(historySentence(sent, 'kk', say)).toContain('Алматы облысының мемлекеттік мұрағаты');
    expect(historySentence(sent, 'ru', say)).not.toContain('GA-ALM');
  });
});
