import { CaseAction, CaseStatus, ConclusionRecommendation, Role, type CaseActionOption } from '@aqtalu/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../testing/render';
import type { CaseRecord } from './CaseFields';
import type { TransitionsAnswer } from './transitions';

const apiJson = vi.hoisted(() => vi.fn());
vi.mock('../../providers/api', () => ({ apiJson, downloadFile: vi.fn() }));

const { ConclusionTab } = await import('./CaseTabs');

const record = { id: 'c1', number: 'ALM-2026-000001', status: CaseStatus.Rehabilitated, isGroup: false, subjects: [], version: 9 } as unknown as CaseRecord;

const conclusion = {
  id: 'k1',
  authorName: 'Қорытынды авторы',
  recommendation: ConclusionRecommendation.Rehabilitate,
  reasoning: 'The troika protocol shows an extrajudicial sentence.',
  legalArticleCode: 'law1993-art3',
  signedBy: 'u2',
  signerName: 'Ерлан Жетекшіұлы',
  signedAt: '2026-03-01T10:00:00Z',
  signatureValid: true,
  citations: [],
  version: 3,
};

/** Every action closed but the one given, as the API's table would answer for this state. */
function answerWith(status: CaseStatus, drafting: CaseActionOption): TransitionsAnswer {
  return {
    version: 9,
    status,
    transitions: [],
    actions: Object.values(CaseAction).map((name) => (name === CaseAction.DraftConclusion ? drafting : { name, allowed: false, reasons: [] })),
  };
}

function serve(answer: TransitionsAnswer) {
  apiJson.mockImplementation(async (path?: string) => {
    if (typeof path !== 'string') return [];
    if (path.startsWith('/cases/c1/transitions')) return answer;
    if (path.startsWith('/cases/c1/conclusion')) return conclusion;
    return [];
  });
}

describe('the conclusion tab', () => {
  beforeEach(() => apiJson.mockReset());

  it('closes the form once the table no longer allows drafting, and says why', async () => {
    serve(
      answerWith(CaseStatus.Rehabilitated, {
        name: CaseAction.DraftConclusion,
        allowed: false,
        reasons: [
          {
            code: 'case.action_state',
            params: { action: CaseAction.DraftConclusion, status: CaseStatus.Rehabilitated, states: [CaseStatus.WorkingGroupReview] },
            detail: 'the case is rehabilitated; draft-conclusion is open while it is working_group_review',
          },
        ],
      }),
    );
    renderAs(Role.WgMember, <RecordContextProvider value={record}><ConclusionTab /></RecordContextProvider>);
    const closed = await screen.findByTestId('conclusion-closed');
    expect(closed.textContent).toContain('Draft the conclusion');
    expect(closed.textContent).not.toContain('draft-conclusion');
    expect(screen.getByText(conclusion.reasoning)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('offers the form while the table allows drafting', async () => {
    serve(answerWith(CaseStatus.WorkingGroupReview, { name: CaseAction.DraftConclusion, allowed: true, reasons: [] }));
    renderAs(Role.WgMember, <RecordContextProvider value={{ ...record, status: CaseStatus.WorkingGroupReview }}><ConclusionTab /></RecordContextProvider>);
    await screen.findByRole('button', { name: 'Save' });
    await waitFor(() => expect(screen.queryByTestId('conclusion-closed')).toBeNull());
  });

  it('names who signed and when, in Kazakhstan’s time', async () => {
    serve(answerWith(CaseStatus.Rehabilitated, { name: CaseAction.DraftConclusion, allowed: false, reasons: [] }));
    renderAs(Role.WgMember, <RecordContextProvider value={record}><ConclusionTab /></RecordContextProvider>);
    expect((await screen.findByTestId('conclusion-signature')).textContent).toBe('Signed by Ерлан Жетекшіұлы on 01/03/2026, 15:00');
  });

  it('asks the lead to confirm before signing, and signs only when confirmed', async () => {
    const unsigned = { ...conclusion, signedBy: null, signerName: null, signedAt: null, signatureValid: false };
    const answer: TransitionsAnswer = {
      version: 9,
      status: CaseStatus.WorkingGroupReview,
      transitions: [],
      actions: Object.values(CaseAction).map((name) => ({ name, allowed: name === CaseAction.SignConclusion, reasons: [] })),
    };
    apiJson.mockImplementation(async (path?: string, init?: { method?: string }) => {
      if (path?.startsWith('/cases/c1/transitions')) return answer;
      if (path === '/cases/c1/conclusion/sign' && init?.method === 'POST') return { ...unsigned, signedAt: '2026-03-01T10:00:00Z' };
      if (path?.startsWith('/cases/c1/conclusion')) return unsigned;
      return [];
    });
    renderAs(Role.WgLead, <RecordContextProvider value={{ ...record, status: CaseStatus.WorkingGroupReview }}><ConclusionTab /></RecordContextProvider>);
    const signs = () => apiJson.mock.calls.filter(([path]) => path === '/cases/c1/conclusion/sign');

    fireEvent.click(await screen.findByRole('button', { name: 'Sign' }));
    let dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Sign the conclusion on case ALM-2026-000001?')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(signs()).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Sign' }));
    dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign' }));
    await waitFor(() => expect(signs()).toHaveLength(1));
    expect(signs()[0]![1]).toMatchObject({ method: 'POST', body: { version: 3 } });
  });
});
