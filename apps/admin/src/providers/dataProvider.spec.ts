import { type LoginResponse, Role } from '@aqtalu/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage } from '../testing/memoryStorage';
import { changedFields, createDataProvider, httpClient } from './dataProvider';
import { sessionFrom, writeSession } from './session';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const problem = (status: number, detail: string, extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Error', status, detail, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

const signedIn: LoginResponse = {
  accessToken: 'token-1',
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshToken: 'refresh-1',
  refreshExpiresAt: '2099-01-01T00:00:00.000Z',
  totpEnrolmentRequired: false,
  user: {
    id: '6f1c2a9e-0000-4000-8000-000000000001',
    email: 'admin@aqtalu.test',
    displayName: 'Әділет Әкімші',
    role: Role.Admin,
    regionCode: null,
    archiveCode: null,
    totpEnabled: true,
  },
};

const stored = {
  id: '6f1c2a9e-0000-4000-8000-0000000000aa',
  email: 'e.mushe@aqtalu.test',
  displayName: 'Ерлан Мүше',
  role: Role.WgMember,
  regionCode: 'ALM',
  archiveCode: null,
  totpEnabled: false,
  disabled: false,
  version: 3,
};

describe('dataProvider', () => {
  let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
  const sut = createDataProvider();

  beforeEach(() => {
    fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('localStorage', new MemoryStorage());
    writeSession(sessionFrom(signedIn));
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const lastRequest = () => {
    const [url, init] = fetchMock.mock.lastCall!;
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    return { url: String(url), method: init?.method, body };
  };

  describe('update', () => {
    it('sends PATCH with only the changed fields and the version that was read', async () => {
      fetchMock.mockResolvedValueOnce(json(200, { ...stored, displayName: 'Ерлан Мүшеұлы', regionCode: 'ZHA', version: 4 }));

      const { data } = await sut.update('users', {
        id: stored.id,
        data: { ...stored, displayName: 'Ерлан Мүшеұлы', regionCode: 'ZHA' },
        previousData: stored,
      });

      expect(lastRequest()).toEqual({
        url: `/api/users/${stored.id}`,
        method: 'PATCH',
        body: { displayName: 'Ерлан Мүшеұлы', regionCode: 'ZHA', version: 3 },
      });
      expect(data).toMatchObject({ version: 4 });
    });

    it('sends a cleared scope as null, which the API reads as "none"', async () => {
      fetchMock.mockResolvedValueOnce(json(200, { ...stored, role: Role.Secretary, regionCode: null, version: 4 }));

      await sut.update('users', {
        id: stored.id,
        data: { ...stored, role: Role.Secretary, regionCode: null },
        previousData: stored,
      });

      expect(lastRequest().body).toEqual({ role: Role.Secretary, regionCode: null, version: 3 });
    });

    it('sends nothing when nothing changed', async () => {
      await expect(sut.update('users', { id: stored.id, data: { ...stored }, previousData: stored })).resolves.toEqual({
        data: stored,
      });
      expect(fetchMock).not.toHaveBeenCalled();
    });

    it('hands a stale version’s 409 to the form with the API’s detail and the current version', async () => {
      fetchMock.mockResolvedValueOnce(
        problem(409, 'The user was changed by someone else (now at version 5).', { currentVersion: 5 }),
      );

      await expect(
        sut.update('users', { id: stored.id, data: { ...stored, displayName: 'X' }, previousData: stored }),
      ).rejects.toMatchObject({
        status: 409,
        message: 'The user was changed by someone else (now at version 5).',
        body: { currentVersion: 5 },
      });
    });
  });

  it('turns a 400’s field problems into messages under the inputs', async () => {
    fetchMock.mockResolvedValueOnce(
      problem(400, 'password is too short; regionCode is required', {
        errors: [
          { field: 'password', message: 'password is too short' },
          { field: 'regionCode', message: 'regionCode is required' },
        ],
      }),
    );

    await expect(sut.create('users', { data: { email: 'x@aqtalu.test' } })).rejects.toMatchObject({
      status: 400,
      body: {
        errors: {
          password: 'password is too short',
          regionCode: 'regionCode is required',
          root: { serverError: 'password is too short; regionCode is required' },
        },
      },
    });
  });

  it('never sends DELETE: the API has no such route', async () => {
    await expect(sut.delete('users', { id: stored.id, previousData: stored })).rejects.toThrow(/no delete/);
    await expect(sut.deleteMany('users', { ids: [stored.id] })).rejects.toThrow(/no delete/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends a user action as POST with the version', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { ...stored, disabled: true, version: 4 }));

    await sut.userAction(stored.id, 'disable', { version: 3 });

    expect(lastRequest()).toEqual({ url: `/api/users/${stored.id}/disable`, method: 'POST', body: { version: 3 } });
  });

  describe('the reference data', () => {
    const karlag = { id: 'karlag', code: 'karlag', nameKk: 'Қарлаг', nameRu: 'Карлаг', nameEn: 'Karlag', latitude: 49.68, longitude: 72.68, version: 3 };

    it('lists a dictionary in the API’s dialect: sort, range, filter, and the total from Content-Range', async () => {
      fetchMock.mockResolvedValueOnce(json(200, [karlag], { 'Content-Range': 'camps 0-0/2' }));

      const page = await sut.getList('camps', { pagination: { page: 1, perPage: 1 }, sort: { field: 'code', order: 'ASC' }, filter: { q: 'лаг' } });

      const url = new URL(String(fetchMock.mock.calls[0]?.[0]), 'http://admin');
      expect(url.pathname).toBe('/api/dictionaries/camps');
      expect(Object.fromEntries(url.searchParams)).toEqual({ sort: '["code","ASC"]', range: '[0,0]', filter: '{"q":"лаг"}' });
      expect(page).toEqual({ data: [karlag], total: 2 });
    });

    it('reads many records of a nested resource by their ids in one request', async () => {
      fetchMock.mockResolvedValueOnce(json(200, [{ id: 'p1' }, { id: 'p2' }], { 'Content-Range': 'persons 0-1/2' }));

      const { data } = await sut.getMany('persons', { ids: ['p1', 'p2'] });

      const url = new URL(String(fetchMock.mock.calls[0]?.[0]), 'http://admin');
      expect(url.pathname).toBe('/api/registry/persons');
      expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual({ id: ['p1', 'p2'] });
      expect(data.map((record) => record.id)).toEqual(['p1', 'p2']);
    });

    it('changes an entry with PATCH, the version read, and both coordinates when one moves', async () => {
      fetchMock.mockResolvedValueOnce(json(200, { ...karlag, latitude: 49.7, version: 4 }));

      await sut.update('camps', { id: 'karlag', data: { ...karlag, latitude: 49.7 }, previousData: karlag });

      expect(lastRequest()).toEqual({ url: '/api/dictionaries/camps/karlag', method: 'PATCH', body: { latitude: 49.7, longitude: 72.68, version: 3 } });
    });

    it('searches the gazetteer only once a name is typed, with the filters set', async () => {
      await expect(sut.getList('places', { pagination: { page: 1, perPage: 25 }, sort: { field: 'score', order: 'DESC' }, filter: { kind: 'uezd' } })).resolves.toEqual({ data: [], total: 0 });
      expect(fetchMock).not.toHaveBeenCalled();

      fetchMock.mockResolvedValueOnce(json(200, [], { 'Content-Range': 'places */0' }));
      await sut.getList('places', { pagination: { page: 1, perPage: 25 }, sort: { field: 'score', order: 'DESC' }, filter: { q: 'Акмолинск', regionCode: 'akm', kind: 'uezd' } });

      const url = new URL(String(fetchMock.mock.calls[0]?.[0]), 'http://admin');
      expect(url.pathname).toBe('/api/places');
      expect(JSON.parse(url.searchParams.get('filter') ?? '')).toEqual({ q: 'Акмолинск', regionCode: 'AKM', kind: 'uezd' });
    });

    it('adds a name to a place with POST', async () => {
      fetchMock.mockResolvedValueOnce(json(201, { id: 'p1', names: [] }));

      await sut.addPlaceName('p1', { name: 'Целиноград', language: 'ru', validFrom: 1961, validTo: 1992 });

      expect(lastRequest()).toEqual({ url: '/api/places/p1/names', method: 'POST', body: { name: 'Целиноград', language: 'ru', validFrom: 1961, validTo: 1992 } });
    });
  });

  describe('the audit log', () => {
    const entry = { id: '42', occurredAt: '2026-11-24T10:00:00.000Z', action: 'user.disable', outcome: 'allowed', hash: 'ab' };

    it('asks for whole local days: "from" at the start of its day, "to" up to the end of its day', async () => {
      fetchMock.mockResolvedValueOnce(json(200, [entry], { 'Content-Range': 'audit-log 0-0/1' }));

      await sut.getList('audit-log', {
        pagination: { page: 1, perPage: 50 },
        sort: { field: 'id', order: 'DESC' },
        filter: { outcome: 'denied', from: '2026-11-24', to: '2026-11-24' },
      });

      const filter = JSON.parse(new URL(lastRequest().url, 'http://x').searchParams.get('filter')!) as Record<string, string>;
      expect(filter).toEqual({
        outcome: 'denied',
        from: new Date(2026, 10, 24).toISOString(),
        to: new Date(2026, 10, 25).toISOString(),
      });
    });

    it('reads one entry by its id', async () => {
      fetchMock.mockResolvedValueOnce(json(200, entry));

      await expect(sut.getOne('audit-log', { id: '42' })).resolves.toEqual({ data: entry });
      expect(lastRequest().url).toBe('/api/audit-log/42');
    });
  });

  describe('httpClient', () => {
    it('renews the token after a 401 and sends the request again', async () => {
      fetchMock.mockImplementation(async (url, init) => {
        if (url === '/api/auth/refresh') return json(200, { ...signedIn, accessToken: 'token-2', refreshToken: 'refresh-2' });
        const bearer = new Headers(init?.headers).get('Authorization');
        return bearer === 'Bearer token-2' ? json(200, stored) : problem(401, 'The access token has expired.');
      });

      await expect(httpClient(`/api/users/${stored.id}`)).resolves.toMatchObject({ json: stored });
      expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
        `/api/users/${stored.id}`,
        '/api/auth/refresh',
        `/api/users/${stored.id}`,
      ]);
    });

    it('answers 401, which signs the user out, when the refresh is refused', async () => {
      fetchMock.mockImplementation(async (url) =>
        url === '/api/auth/refresh' ? problem(401, 'The sign-in has ended.') : problem(401, 'The access token has expired.'),
      );

      await expect(httpClient('/api/users')).rejects.toMatchObject({ status: 401 });
      expect(localStorage.getItem('aqtalu.session')).toBeNull();
    });
  });

  it('compares fields as JSON and leaves id and version out of the changes', () => {
    expect(changedFields({ id: 1, version: 2, a: [1], b: { c: 1 }, d: 'x' }, { id: 1, version: 1, a: [1], b: { c: 2 }, d: 'x' })).toEqual({
      b: { c: 1 },
    });
  });
});
