import { Role } from '@aqtalu/contracts';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { AdminContext, type AuthProvider, type DataProvider, HttpError, ResourceContextProvider, testDataProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { en } from '../../i18n/en';
import { canRoleAccess } from '../../providers/access';
import type { DictionaryEntry } from './dictionary';
import { DictionaryEdit } from './DictionaryEdit';
import { DictionaryList } from './DictionaryList';

const karlag: DictionaryEntry = {
  id: 'karlag',
  code: 'karlag',
  nameKk: 'Қарлаг',
  nameRu: 'Карлаг',
  nameEn: 'Karlag',
  latitude: 49.68,
  longitude: 72.68,
  openedYear: 1931,
  closedYear: 1959,
  version: 3,
  updatedAt: '2026-03-01T10:00:00Z',
};

const authAs = (role: Role): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => role,
  canAccess: async ({ resource, action }) => canRoleAccess(role, resource, action),
});
const i18nProvider = polyglotI18nProvider(() => en, 'en', { allowMissing: true });

function editKarlag(update: DataProvider['update']) {
  const dataProvider = testDataProvider({
    getOne: async () => ({ data: karlag as never }),
    update,
  });
  render(
    <AdminContext i18nProvider={i18nProvider} authProvider={authAs(Role.Admin)} dataProvider={dataProvider}>
      <ResourceContextProvider value="camps">
        <DictionaryEdit id="karlag" />
      </ResourceContextProvider>
    </AdminContext>,
  );
}

describe('the dictionary edit form', () => {
  it('saves with the version read and shows the stale-version warning on a 409', async () => {
    const update = vi.fn(async () => {
      throw new HttpError('The dictionary entry was changed by someone else: the current version is 4.', 409, {});
    });
    editKarlag(update);
    const name = await screen.findByRole('textbox', { name: /Name \(Russian\)/ });
    expect((name as HTMLInputElement).value).toBe('Карлаг');
    fireEvent.change(name, { target: { value: 'Карагандинский ИТЛ (Карлаг)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update).toHaveBeenCalledWith(
      'camps',
      expect.objectContaining({
        id: 'karlag',
        data: expect.objectContaining({ nameRu: 'Карагандинский ИТЛ (Карлаг)' }),
        previousData: expect.objectContaining({ version: 3 }),
      }),
    );
    const alert = await screen.findByTestId('stale-version');
    expect(alert.textContent).toContain('Someone else changed this record in the meantime.');
    expect(alert.textContent).toContain('the current version is 4');
    // What was typed is kept for the next save.
    expect((screen.getByRole('textbox', { name: /Name \(Russian\)/ }) as HTMLInputElement).value).toBe('Карагандинский ИТЛ (Карлаг)');
  });

  it('refuses a camp that closes before it opened, or half of a pair of coordinates, without asking the API', async () => {
    const update = vi.fn(async () => ({ data: karlag as never }));
    editKarlag(update);
    const closed = await screen.findByRole('spinbutton', { name: /Closed \(year\)/ });
    fireEvent.change(closed, { target: { value: '1920' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: /Longitude/ }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The camp cannot close before it opened.')).toBeTruthy();
    expect(screen.getByText('Give both latitude and longitude, or neither.')).toBeTruthy();
    expect(update).not.toHaveBeenCalled();
  });

  const listAs = (role: Role) =>
    render(
      <AdminContext
        i18nProvider={i18nProvider}
        authProvider={authAs(role)}
        dataProvider={testDataProvider({ getList: async () => ({ data: [karlag] as never, total: 1 }) })}
      >
        <ResourceContextProvider value="camps">
          <DictionaryList />
        </ResourceContextProvider>
      </AdminContext>,
    );

  it('offers administrators to add an entry', async () => {
    listAs(Role.Admin);
    expect(await screen.findByText('Карлаг')).toBeTruthy();
    expect(await screen.findByRole('link', { name: /Create/ })).toBeTruthy();
  });

  it('lists the entries read-only, with no way to add or open one, for a role that only reads reference data', async () => {
    listAs(Role.WgMember);
    expect(await screen.findByText('Карлаг')).toBeTruthy();
    expect(await screen.findByText('Reference data is kept by administrators; you can consult it.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Create/ })).toBeNull();
  });
});
