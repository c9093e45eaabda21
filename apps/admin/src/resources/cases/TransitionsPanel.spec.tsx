import { CaseStatus, CaseTransition, Role } from '@aqtalu/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpError, RecordContextProvider } from 'react-admin';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../testing/render';
import type { CaseRecord } from './CaseFields';
import type { TransitionsAnswer } from './transitions';

const apiJson = vi.hoisted(() => vi.fn());
vi.mock('../../providers/api', () => ({ apiJson }));

const { TransitionsPanel } = await import('./TransitionsPanel');

const record = {
  id: 'c1',
  number: 'ALM-2026-000001',
  regionCode: 'ALM',
  categoryCode: 'counter_revolutionary',
  status: CaseStatus.IntakeReview,
  summary: '',
  isGroup: false,
  applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'немересі', kinshipProof: null, email: null, phone: null, address: null },
  subjects: [{ id: 's1', personId: 'p1', nameKk: 'Жұмабаев Қабдолла', nameRu: 'Жумабаев Кабдолла', birthYear: '1896', outcome: null }],
  updatedAt: '2026-03-01T10:00:00Z',
  version: 4,
} as unknown as CaseRecord;

const answer: TransitionsAnswer = {
  version: 4,
  status: CaseStatus.IntakeReview,
  transitions: [
    {
      name: CaseTransition.CompleteVerification,
      to: CaseStatus.WorkingGroupReview,
      allowed: false,
      reasons: [
        {
          code: 'case.transition_role',
          params: { transition: CaseTransition.CompleteVerification, role: Role.Secretary, roles: [Role.WgMember, Role.WgLead] },
          detail: 'complete-verification is taken by wg_member, wg_lead, not by secretary',
        },
      ],
      needsReason: false,
      decides: null,
    },
    { name: CaseTransition.ReturnToApplicant, to: CaseStatus.ReturnedToApplicant, allowed: true, reasons: [], needsReason: true, decides: null },
    { name: CaseTransition.AcceptForVerification, to: CaseStatus.ArchiveVerification, allowed: true, reasons: [], needsReason: false, decides: null },
  ],
  actions: [],
};

const panel = () =>
  renderAs(
    Role.Secretary,
    <RecordContextProvider value={record}>
      <TransitionsPanel />
    </RecordContextProvider>,
  );

describe('the transitions panel', () => {
  beforeEach(() => {
    apiJson.mockReset();
    apiJson.mockImplementation(async (path: string) => (path === '/cases/c1/transitions' ? answer : {}));
  });

  it('offers what may be done now first, and shows the rest disabled with the API’s reasons', async () => {
    panel();
    const accept = await screen.findByRole('button', { name: 'Accept for verification' });
    expect((accept as HTMLButtonElement).disabled).toBe(false);
    const complete = screen.getByRole('button', { name: 'Complete verification' }) as HTMLButtonElement;
    expect(complete.disabled).toBe(true);
    // the reason is the code's message, its params (step, roles) in words of the screen's language
    expect(screen.getByTestId('why-not-complete-verification').textContent).toBe(
      'Not now: Complete verification is taken by Working group member, Working group lead, not by Commission secretary',
    );
    const order = screen.getAllByRole('button').map((button) => button.textContent);
    expect(order.indexOf('Complete verification')).toBeGreaterThan(order.indexOf('Accept for verification'));
  });

  it('takes a step with the version it shows', async () => {
    panel();
    fireEvent.click(await screen.findByRole('button', { name: 'Accept for verification' }));
    await waitFor(() => expect(apiJson).toHaveBeenCalledWith('/cases/c1/transitions/accept-for-verification', { method: 'POST', body: { version: 4 } }));
  });

  it('asks for the reasons of a step that needs them before sending it', async () => {
    panel();
    fireEvent.click(await screen.findByRole('button', { name: 'Return to the applicant' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await within(dialog).findByText(/at least|reason/i);
    expect(apiJson).not.toHaveBeenCalledWith('/cases/c1/transitions/return-to-applicant', expect.anything());

    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Reasons' }), { target: { value: 'Нет копии свидетельства о рождении' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() =>
      expect(apiJson).toHaveBeenCalledWith('/cases/c1/transitions/return-to-applicant', {
        method: 'POST',
        body: { version: 4, reason: 'Нет копии свидетельства о рождении' },
      }),
    );
  });

  it('tells the user someone else changed the case and offers to reload', async () => {
    apiJson.mockImplementation(async (path: string) => {
      if (path === '/cases/c1/transitions') return answer;
      throw new HttpError('The case was changed by someone else (now at version 5). Reload it and apply your change again.', 409, {
        status: 409,
        detail: 'The case was changed by someone else (now at version 5).',
        currentVersion: 5,
      });
    });
    panel();
    fireEvent.click(await screen.findByRole('button', { name: 'Accept for verification' }));
    const alert = await screen.findByTestId('stale-version');
    expect(alert.textContent).toContain('Someone else changed this record in the meantime.');
    expect(alert.textContent).toContain('now at version 5');
    const asked = apiJson.mock.calls.filter(([path]) => path === '/cases/c1/transitions').length;
    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(screen.queryByTestId('stale-version')).toBeNull());
    await waitFor(() => expect(apiJson.mock.calls.filter(([path]) => path === '/cases/c1/transitions').length).toBeGreaterThan(asked));
  });
});
