import { demoPassword, type DemoLogin } from '@aqtalu/server';
import type { LoginResponse } from '@aqtalu/contracts';

export interface HttpAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A signed-in user talking to a running API, as the back office does. */
export class HttpSession {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  /** The last sign-in's answer (refresh token, user), when this session came from a login. */
  login?: LoginResponse;

  static async login(baseUrl: string, email: string, password = demoPassword, extra: { totpCode?: string; ip?: string } = {}): Promise<HttpSession> {
    const headers: Record<string, string> = extra.ip ? { 'x-forwarded-for': extra.ip } : {};
    const body = { email, password, ...(extra.totpCode ? { totpCode: extra.totpCode } : {}) };
    const answer = await new HttpSession(baseUrl).request<LoginResponse>('POST', '/api/auth/login', body, headers);
    if (answer.status !== 200) throw new Error(`login of ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const session = new HttpSession(baseUrl, answer.body.accessToken);
    session.login = answer.body;
    return session;
  }

  static loginAs(baseUrl: string, login: Pick<DemoLogin, 'email'>): Promise<HttpSession> {
    return HttpSession.login(baseUrl, login.email);
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const parsed = type.includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.request<T>('POST', path, body, headers);
  }

  patch<T = unknown>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
}
