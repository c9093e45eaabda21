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

  static async login(baseUrl: string, email: string, password = demoPassword): Promise<HttpSession> {
    const answer = await new HttpSession(baseUrl).request<LoginResponse>('POST', '/api/auth/login', { email, password });
    if (answer.status !== 200) throw new Error(`login of ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return new HttpSession(baseUrl, answer.body.accessToken);
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

  post<T = unknown>(path: string, body: unknown) {
    return this.request<T>('POST', path, body);
  }
}
