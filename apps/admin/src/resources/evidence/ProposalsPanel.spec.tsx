import { EvidenceProposalKind, EvidenceProposalStatus, Role } from '@aqtalu/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../testing/render';
import type { Proposal } from './proposals';

const apiJson = vi.hoisted(() => vi.fn());
vi.mock('../../providers/api', () => ({ apiJson, downloadFile: vi.fn() }));

const { ProposalsPanel } = await import('./ProposalsPanel');

const proposal = (id: string, kind: EvidenceProposalKind, text: string, extra: Partial<Proposal> = {}): Proposal => ({
  id, kind, text, page: 2, personId: null, personName: null, score: null, status: EvidenceProposalStatus.Proposed, ...extra,
});
const found = [
  proposal('p-ref', EvidenceProposalKind.Reference, 'ф. 141, оп. 1, д. 1234'),
  proposal('p-date', EvidenceProposalKind.Date, '17 февраля 1938'),
  proposal('p-name', EvidenceProposalKind.Person, 'Аймаутов Жусупбек'),
];

describe('the proposals beside the viewer', () => {
  beforeEach(() => apiJson.mockReset());

  it('confirms the selected proposals in one request and shows their new state', async () => {
    const onDecided = vi.fn();
    apiJson.mockImplementation(async (path: string, init?: { body?: { ids: string[]; confirm: boolean } }) => {
      if (path === '/evidence/e1/proposals/decide') return found.map((row) => (init!.body!.ids.includes(row.id) ? { ...row, status: EvidenceProposalStatus.Confirmed } : row));
      return found;
    });
    renderAs(Role.WgLead, <ProposalsPanel evidenceId="e1" uploadedBy="someone-else" onDecided={onDecided} />);

    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select “ф. 141, оп. 1, д. 1234”' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select “17 февраля 1938”' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm selected (2)' }));

    await waitFor(() => expect(apiJson).toHaveBeenCalledWith('/evidence/e1/proposals/decide', { method: 'POST', body: { ids: ['p-ref', 'p-date'], confirm: true } }));
    await waitFor(() => expect(screen.getAllByText('Confirmed')).toHaveLength(2));
    expect(onDecided).toHaveBeenCalled();
  });

  it('does not offer to confirm a name with no registry match, only to dismiss it', async () => {
    apiJson.mockResolvedValue(found);
    renderAs(Role.WgLead, <ProposalsPanel evidenceId="e1" uploadedBy="someone-else" />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select “Аймаутов Жусупбек”' }));
    expect(screen.getByText(/cannot be confirmed here/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Confirm selected (1)' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Dismiss selected (1)' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows a reader without the right what was found, with nothing to decide', async () => {
    apiJson.mockResolvedValue(found);
    renderAs(Role.Auditor, <ProposalsPanel evidenceId="e1" uploadedBy="someone-else" />);
    expect(await screen.findByText('Аймаутов Жусупбек')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /Confirm selected/ })).toBeNull();
  });
});
