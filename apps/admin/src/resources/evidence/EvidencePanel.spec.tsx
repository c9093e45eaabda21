import { EvidenceCheckName, EvidenceCheckState, EvidenceKind, EvidenceVerification, Role } from '@aqtalu/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../testing/render';
import type { EvidenceCheck, EvidenceRecord } from './evidence';
import { EvidenceUpload } from './EvidenceUpload';

const apiJson = vi.hoisted(() => vi.fn());
vi.mock('../../providers/api', () => ({ apiJson, downloadFile: vi.fn() }));
vi.mock('../../providers/authFetch', () => ({ authorizedFetch: vi.fn(() => new Promise(() => undefined)) }));

const { EvidencePanel } = await import('./EvidencePanel');

const checks = (state: EvidenceCheckState): EvidenceCheck[] =>
  Object.values(EvidenceCheckName).map((check) => ({ check, state, reason: null, updatedAt: '2026-03-01T10:00:00Z' }));

const evidence = (overrides: Partial<EvidenceRecord> = {}): EvidenceRecord => ({
  id: 'e1',
  caseId: 'c1',
  archiveRequestId: null,
  archiveCode: 'SPEC-MVD',
  uploadedBy: 'u-liaison',
  kind: EvidenceKind.InvestigationFile,
  declaredMime: 'image/png',
  detectedMime: 'image/png',
  size: 2048,
  originalName: 'delo-11573.png',
  versionNo: 1,
  previousId: null,
  duplicateOf: null,
  documentDate: '25.02.1938',
  language: 'ru',
  reference: { archive: null, fond: '2', opis: '1', delo: '11573', sheets: [{ from: 1, to: 40 }], text: 'ф. 2, оп. 1, д. 11573, л. 1–40' },
  pages: 40,
  verification: EvidenceVerification.Unverified,
  verifiedBy: null,
  verifiedAt: null,
  verificationReason: null,
  quarantined: false,
  createdAt: '2026-03-01T10:00:00Z',
  ...overrides,
});

describe('the evidence tab', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    apiJson.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('follows the checks as they run, without a reload, and stops asking once they have finished', async () => {
    let reads = 0;
    apiJson.mockImplementation(async (path: string) => {
      if (path.startsWith('/cases/c1/evidence')) return [evidence()];
      reads += 1;
      return evidence({ checks: checks(reads < 3 ? EvidenceCheckState.Running : EvidenceCheckState.Passed) });
    });
    renderAs(Role.WgMember, <EvidencePanel caseId="c1" />);

    const summary = await screen.findByTestId('checks-summary');
    expect(summary.dataset.state).toBe('checking');
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    await waitFor(() => expect(screen.getByTestId('checks-summary').dataset.state).toBe('passed'));
    expect(screen.getByText('Checks passed')).toBeTruthy();

    const settled = reads;
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(reads).toBe(settled);
  });

  it('shows the parsed reference and offers verify once the checks passed, reject with a reason', async () => {
    apiJson.mockImplementation(async (path: string, init?: { body?: unknown }) => {
      if (path.startsWith('/cases/c1/evidence')) return [evidence()];
      if (path === '/evidence/e1/verify') return evidence({ checks: checks(EvidenceCheckState.Passed), verification: EvidenceVerification.Rejected, verificationReason: (init?.body as { reason: string }).reason });
      return evidence({ checks: checks(EvidenceCheckState.Passed) });
    });
    renderAs(Role.WgMember, <EvidencePanel caseId="c1" />);

    fireEvent.click(await screen.findByRole('button', { name: 'delo-11573.png' }));
    const detail = await screen.findByTestId('evidence-detail');
    const reference = within(detail).getByTestId('parsed-reference');
    expect(reference.textContent).toContain('Fond: 2');
    expect(reference.textContent).toContain('File: 11573');
    expect(reference.textContent).toContain('Sheets: 1–40');
    await waitFor(() => expect((within(detail).getByRole('button', { name: 'Verify' }) as HTMLButtonElement).disabled).toBe(false));

    fireEvent.click(within(detail).getByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject' }));
    expect(await within(dialog).findByText(/Say why the document is rejected/)).toBeTruthy();
    expect(apiJson).not.toHaveBeenCalledWith('/evidence/e1/verify', expect.anything());

    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Reason' }), { target: { value: 'Not the subject’s file' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject' }));
    await waitFor(() =>
      expect(apiJson).toHaveBeenCalledWith('/evidence/e1/verify', { method: 'POST', body: { verified: false, reason: 'Not the subject’s file' } }),
    );
    expect(await within(screen.getByTestId('evidence-detail')).findByText('Not the subject’s file')).toBeTruthy();
  });

  it('offers no verification to a liaison, who uploads only', async () => {
    apiJson.mockImplementation(async (path: string) =>
      path.startsWith('/cases/') ? [evidence()] : evidence({ checks: checks(EvidenceCheckState.Passed) }),
    );
    renderAs(Role.ArchiveLiaison, <EvidencePanel caseId="c1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'delo-11573.png' }));
    const detail = await screen.findByTestId('evidence-detail');
    expect(within(detail).queryByRole('button', { name: 'Verify' })).toBeNull();
    expect(within(detail).getByRole('button', { name: 'Check again' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Upload' })).toBeTruthy();
  });
});

describe('the upload form', () => {
  it('sends the dropped file as multipart with the reference as one field, showing the progress', async () => {
    let report: (progress: { loaded: number; total: number }) => void = () => undefined;
    let finish: (value: unknown) => void = () => undefined;
    const upload = vi.fn((_path: string, _body: FormData, onProgress: typeof report) => {
      report = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    const onUploaded = vi.fn();
    renderAs(Role.ArchiveLiaison, <EvidenceUpload caseId="c1" fixedArchiveRequestId="r1" onUploaded={onUploaded} upload={upload as never} />);

    const file = new File(['%PDF-1.4'], 'protocol-34.pdf', { type: 'application/pdf' });
    fireEvent.drop(screen.getByTestId('evidence-drop-zone'), { dataTransfer: { files: [file] } });
    expect(await screen.findByText(/protocol-34\.pdf/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText('Say what kind of document it is.')).toBeTruthy();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: /Kind of document/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Troika protocol' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Archival reference' }), { target: { value: 'ф. 2, оп. 1, д. 11573, л. 31–32' } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));

    await waitFor(() => expect(upload).toHaveBeenCalledTimes(1));
    const [path, body] = upload.mock.calls[0]!;
    expect(path).toBe('/cases/c1/evidence');
    expect(body.get('kind')).toBe('troika_protocol');
    expect(body.get('reference')).toBe('ф. 2, оп. 1, д. 11573, л. 31–32');
    expect(body.get('archiveRequestId')).toBe('r1');
    expect(body.has('documentDate')).toBe(false);
    expect((body.get('file') as File).name).toBe('protocol-34.pdf');

    act(() => report({ loaded: 40, total: 100 }));
    expect(screen.getByRole('progressbar', { name: 'Upload progress' }).getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByText('Sending: 40%')).toBeTruthy();

    await act(async () => finish(evidence()));
    expect(onUploaded).toHaveBeenCalledWith(evidence());
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('refuses a file that is not a scan before sending it', async () => {
    const upload = vi.fn();
    renderAs(Role.ArchiveLiaison, <EvidenceUpload caseId="c1" onUploaded={vi.fn()} upload={upload as never} />);
    fireEvent.drop(screen.getByTestId('evidence-drop-zone'), { dataTransfer: { files: [new File(['x'], 'notes.docx', { type: 'application/msword' })] } });
    expect(await screen.findByText('notes.docx is not a PDF, JPEG, PNG or TIFF file.')).toBeTruthy();
    expect(upload).not.toHaveBeenCalled();
  });
});
