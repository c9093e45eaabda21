import { Role, type LetterTemplateResponse } from '@aqtalu/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { HttpError } from 'react-admin';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../testing/render';
import { LetterTemplatesPage } from './LetterTemplatesPage';

const apiJson = vi.hoisted(() => vi.fn());
vi.mock('../../providers/api', () => ({ apiJson, downloadFile: vi.fn() }));

const templates: LetterTemplateResponse[] = [
  { kind: 'refusal', language: 'kk', subject: '{caseNumber} ісі бойынша бас тарту', body: 'Құрметті {applicantName}!', updatedAt: '2026-11-01T10:00:00Z', updatedBy: null },
  { kind: 'refusal', language: 'ru', subject: 'Отказ по делу {caseNumber}', body: 'Уважаемый(ая) {applicantName}!', updatedAt: '2026-11-01T10:00:00Z', updatedBy: null },
];

describe('the letter templates screen', () => {
  beforeEach(() => {
    apiJson.mockReset();
    apiJson.mockImplementation(async (path: string, init?: { method?: string }) => (init?.method === 'PATCH' ? templates[1] : templates));
  });

  it("lets an administrator change a template's subject and body and sends exactly that", async () => {
    renderAs(Role.Admin, <LetterTemplatesPage />);
    await screen.findByText('Отказ по делу {caseNumber}');
    const edits = await screen.findAllByRole('button', { name: 'Edit' });
    expect(edits).toHaveLength(2);
    fireEvent.click(edits[1]!);
    fireEvent.change(screen.getByRole('textbox', { name: 'aqtalu.letters.templates.subject' }), { target: { value: 'Решение Комиссии: отказ по делу {caseNumber}' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(apiJson).toHaveBeenCalledWith('/letter-templates/refusal/ru', { method: 'PATCH', body: { subject: 'Решение Комиссии: отказ по делу {caseNumber}', body: 'Уважаемый(ая) {applicantName}!' } }),
    );
  });

  it("shows the API's refusal of an unknown placeholder and keeps the text being edited", async () => {
    apiJson.mockImplementation(async (_path: string, init?: { method?: string }) => {
      if (init?.method === 'PATCH') throw new HttpError('The template uses {aplicantName}, which no case fills.', 400, { code: 'letter.template_placeholder_unknown' });
      return templates;
    });
    renderAs(Role.Admin, <LetterTemplatesPage />);
    fireEvent.click((await screen.findAllByRole('button', { name: 'Edit' }))[0]!);
    fireEvent.change(screen.getByRole('textbox', { name: 'aqtalu.letters.templates.body' }), { target: { value: 'Құрметті {aplicantName}!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('alert');
    expect((screen.getByRole('textbox', { name: 'aqtalu.letters.templates.body' }) as HTMLTextAreaElement).value).toBe('Құрметті {aplicantName}!');
  });

  it('offers no edit to a case worker, who may read the templates only', async () => {
    renderAs(Role.Secretary, <LetterTemplatesPage />);
    await screen.findByText('Отказ по делу {caseNumber}');
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });
});
