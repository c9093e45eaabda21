import { Role } from '@aqtalu/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpError } from 'react-admin';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderAs } from '../../testing/render';
import { guessMapping, importBody, previewBody, previewBytes } from './csv';

const apiJson = vi.hoisted(() => vi.fn());
vi.mock('../../providers/api', () => ({ apiJson }));

const { ImportPage } = await import('./ImportPage');

const csv = 'ФИО;Год рождения;Место рождения\nЖумабаев Кабдолла;1896;Каскелен\n;1901;"Алма-Ата, Талгар"\nБейсенов Омар;189?;Нарынкол\n';
/** What the API answers for `csv` (read there, separator and all). */
const preview = {
  format: 'csv',
  encoding: 'windows-1251',
  delimiter: ';',
  header: ['ФИО', 'Год рождения', 'Место рождения'],
  rows: [['Жумабаев Кабдолла', '1896', 'Каскелен'], ['', '1901', 'Алма-Ата, Талгар'], ['Бейсенов Омар', '189?', 'Нарынкол']],
};

describe('reading the list', () => {
  it('guesses the columns from a Russian or Kazakh header', () => {
    expect(guessMapping(['ФИО', 'Год рождения', 'Место рождения'])).toEqual({ fullName: 'ФИО', birthYear: 'Год рождения', birthplace: 'Место рождения' });
    expect(guessMapping(['Тегі', 'Аты', 'Әкесінің аты', 'Туған жылы'])).toEqual({ surname: 'Тегі', givenName: 'Аты', patronymic: 'Әкесінің аты', birthYear: 'Туған жылы' });
  });

  it('asks the API for the preview with the first 64 KiB of a CSV (its dialect is read there) and an XLSX whole', async () => {
    const big = new File([new Uint8Array(previewBytes * 3).fill(0x41)], 'список.csv', { type: 'text/csv' });
    const sent = previewBody(big).get('file') as File;
    expect(sent.name).toBe('список.csv');
    expect(sent.size).toBe(previewBytes);
    const workbook = new File([new Uint8Array(previewBytes * 2)], 'list.xlsx');
    expect((previewBody(workbook).get('file') as File).size).toBe(previewBytes * 2);
  });

  it('sends the mapping as JSON without the columns left unmapped', () => {
    const body = importBody(new File([csv], 'list.csv'), ' ЦГА РК, ф. 1137 ', { fullName: 'ФИО', birthplace: undefined }, true);
    expect(body.get('source')).toBe('ЦГА РК, ф. 1137');
    expect(JSON.parse(String(body.get('mapping')))).toEqual({ fullName: 'ФИО' });
    expect(body.get('dryRun')).toBe('true');
  });
});

describe('the import screen', () => {
  beforeEach(() => apiJson.mockReset());

  it('maps the columns, shows the dry run’s bad rows by line, and imports only a clean file, following its progress', async () => {
    const upload = vi.fn();
    upload.mockResolvedValueOnce(preview).mockResolvedValueOnce({
      dryRun: true,
      totalRows: 3,
      validRows: 1,
      errors: [
        { line: 3, reason: 'the full name (column "ФИО") is empty' },
        { line: 4, reason: 'the birth year "189?" cannot be read' },
      ],
    });
    renderAs(Role.WgMember, <ImportPage upload={upload} />);

    fireEvent.drop(screen.getByTestId('import-drop-zone'), { dataTransfer: { files: [new File([csv], 'uprising-1931.csv', { type: 'text/csv' })] } });
    // The columns come from the header, and the guess is shown for correction.
    const table = await screen.findByRole('table', { name: 'The first rows of the file' });
    expect(upload.mock.calls[0]![0]).toBe('/registry/imports/preview');
    expect(within(table).getByText('Алма-Ата, Талгар')).toBeTruthy();
    expect(screen.getByTestId('import-dialect').textContent).toContain('Windows-1251');
    expect(screen.getByRole('combobox', { name: 'Full name' }).textContent).toBe('ФИО');
    expect(screen.getByRole('combobox', { name: 'Year of birth' }).textContent).toBe('Год рождения');

    fireEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    expect(await screen.findByText('Say where the list comes from (at least 3 characters).')).toBeTruthy();
    expect(upload).toHaveBeenCalledTimes(1); // the preview only

    fireEvent.change(screen.getByRole('textbox', { name: /Where the list comes from/ }), { target: { value: 'ЦГА РК, ф. 1137, оп. 1, д. 22' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    const report = await screen.findByTestId('dry-run-report');
    expect(within(report).getByText('2 rows cannot be imported (1 of 3 are fine). Fix them and check again.')).toBeTruthy();
    const rows = within(report).getAllByRole('row').slice(1).map((row) => row.textContent);
    expect(rows).toEqual(['3the full name (column "ФИО") is empty', '4the birth year "189?" cannot be read']);
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
    expect(upload.mock.calls[1]![1].get('dryRun')).toBe('true');
    // the file goes to the API as it was chosen: the API reads its encoding and separator
    expect((upload.mock.calls[1]![1].get('file') as File).name).toBe('uprising-1931.csv');
    expect(await (upload.mock.calls[1]![1].get('file') as File).text()).toBe(csv);

    // Fixed and checked again: now the import may run.
    upload.mockResolvedValueOnce({ dryRun: true, totalRows: 3, validRows: 3, errors: [] });
    fireEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    await screen.findByText('All 3 of 3 rows can be imported.');

    upload.mockResolvedValueOnce({ dryRun: false, importId: 'i1', totalRows: 3, validRows: 3, errors: [] });
    apiJson
      .mockResolvedValueOnce({ id: 'i1', status: 'running', totalRows: 3, appliedRows: 1, createdPersons: 0, updatedPersons: 0 })
      .mockResolvedValueOnce({ id: 'i1', status: 'done', totalRows: 3, appliedRows: 3, createdPersons: 2, updatedPersons: 1 });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      fireEvent.click(screen.getByRole('button', { name: 'Import' }));
      await screen.findByText('Importing: 1 of 3 rows (33%).');
      expect(screen.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).toBe('33');
      await act(() => vi.advanceTimersByTimeAsync(1_000));
      await screen.findByText('Done: 3 rows, 2 new persons, 1 added to known persons.');
      expect(apiJson).toHaveBeenCalledWith('/registry/imports/i1');
      expect(upload.mock.calls[3]![1].get('dryRun')).toBe('false');
      await act(() => vi.advanceTimersByTimeAsync(5_000));
      expect(apiJson).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows the rows a real import refused', async () => {
    const upload = vi.fn()
      .mockResolvedValueOnce(preview)
      .mockResolvedValueOnce({ dryRun: true, totalRows: 1, validRows: 1, errors: [] })
      .mockRejectedValueOnce(
        new HttpError('1 row(s) cannot be imported; nothing was imported.', 400, { report: { totalRows: 1, validRows: 0, errors: [{ line: 2, reason: 'the surname is empty' }] } }),
      );
    renderAs(Role.Secretary, <ImportPage upload={upload} />);
    fireEvent.drop(screen.getByTestId('import-drop-zone'), { dataTransfer: { files: [new File([csv], 'list.csv', { type: 'text/csv' })] } });
    await screen.findByRole('table', { name: 'The first rows of the file' });
    fireEvent.change(screen.getByRole('textbox', { name: /Where the list comes from/ }), { target: { value: 'Книга памяти' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    await screen.findByText('All 1 of 1 rows can be imported.');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByText('1 row(s) cannot be imported; nothing was imported.')).toBeTruthy());
    expect(within(screen.getByTestId('dry-run-report')).getByText('the surname is empty')).toBeTruthy();
  });
});
