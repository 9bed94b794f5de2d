// A tiny HTTP client for smoke checks: keeps cookies like a browser, finds CSRF tokens
// in HTML forms, never follows redirects by itself (checks assert on them).
import assert from 'node:assert/strict';

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body when the response is JSON, else undefined. */
  json: unknown;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();

  /** `defaults` go with every request (e.g. the X-Forwarded-Proto of a TLS proxy). */
  constructor(
    readonly baseUrl: string,
    readonly defaults: Readonly<Record<string, string>> = {},
  ) {}

  async request(
    method: string,
    path: string,
    init: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...this.defaults, ...init.headers };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: init.body ?? null,
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let json: unknown;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) json = JSON.parse(text);
    return { status: response.status, headers: response.headers, text, json };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, { headers: headers ?? {} });
  }

  /** POST an HTML form (application/x-www-form-urlencoded). */
  postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request('POST', path, {
      body: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }

  sendJson(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
    return this.request(method, path, {
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    });
  }
}

/** The value of the first hidden input named `name` (e.g. csrf_token, csrfmiddlewaretoken, _token). */
export function formToken(html: string, name: string): string {
  const input = new RegExp(`<input[^>]*name=["']${name}["'][^>]*>`, 'i').exec(html)?.[0];
  const value = input && /value=["']([^"']*)["']/i.exec(input)?.[1];
  assert.ok(value, `no hidden input "${name}" in the page`);
  return value;
}

/** Asserts a status, showing the body when it differs. */
export function expectStatus(response: Pick<HttpResponse, 'status' | 'text'>, status: number, what: string): void {
  assert.equal(
    response.status,
    status,
    `${what}: expected HTTP ${status}, got ${response.status}: ${response.text.slice(0, 500)}`,
  );
}
