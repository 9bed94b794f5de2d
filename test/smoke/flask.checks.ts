// HTTP checks for a started Flask project (`flask run`, development config: CSRF is on),
// then the same project under the production config and gunicorn, behind a pretend TLS
// proxy (X-Forwarded-Proto: https, trusted through ProxyFix): no debug pages, secure
// session cookie, security headers, CSRF enforced, the log-in throttle, Werkzeug hashes.
import assert from 'node:assert/strict';
import { expectStatus, formToken, type HttpClient, type HttpResponse } from './http.js';
import type { SmokeChecks, SmokeContext } from './types.js';

const PASSWORD = 'smoke-password-1';

const renderedAt = (html: string) => /id="rendered-at" datetime="([^"]+)"/.exec(html)?.[1];

/** POSTs a form, first fetching the page to take its CSRF token when the project has one. */
async function submitForm(client: HttpClient, path: string, fields: Record<string, string>, csrf: boolean, headers: Record<string, string> = {}) {
  const page = await client.get(path, headers);
  expectStatus(page, 200, `GET ${path}`);
  return client.postForm(path, csrf ? { ...fields, csrf_token: formToken(page.text, 'csrf_token') } : fields, headers);
}

/** Lines of `redis-cli --scan` for a pattern, in the scenario's Redis database. */
async function redisKeys(context: SmokeContext, pattern: string): Promise<string[]> {
  const { stdout } = await context.run(['redis-cli', '-u', context.env.REDIS_URL!, '--scan', '--pattern', pattern]);
  return stdout.split('\n').filter(Boolean);
}

/** The stored password hash of a user, read from the database the server uses. */
async function storedHash(context: SmokeContext, username: string): Promise<string> {
  if (context.options.db === 'postgres') {
    const { stdout } = await context.run(['psql', context.env.DATABASE_URL!, '-tAc', `SELECT password_hash FROM users WHERE username = '${username}'`]);
    return stdout.trim();
  }
  // SQLite: ask the project itself, through its app and db (the sqlite3 CLI may be missing).
  const code = [
    'import sys',
    'from importlib import import_module',
    'from sqlalchemy import text',
    'from wsgi import app',
    'db = import_module(f"{app.import_name}.extensions").db',
    'with app.app_context():',
    '    query = text("SELECT password_hash FROM users WHERE username = :name")',
    '    print(db.session.scalar(query, {"name": sys.argv[1]}))',
  ].join('\n');
  const { stdout } = await context.run(['.venv/bin/python', '-c', code, username]);
  return stdout.trim();
}

/** Asserts Werkzeug's default method (scrypt; pbkdf2 where hashlib lacks scrypt). */
function expectWerkzeugHash(hash: string, what: string) {
  assert.match(hash, /^(scrypt:\d+:\d+:\d+|pbkdf2:sha256:\d+)\$[^$]+\$[0-9a-f]+$/, `${what}: a Werkzeug salted hash, got ${JSON.stringify(hash)}`);
  assert.ok(!hash.includes(PASSWORD), `${what}: the password is not stored`);
}

/** The Set-Cookie line for `name`, asserting there is one. */
function setCookie(response: HttpResponse, name: string, what: string): string {
  const line = response.headers.getSetCookie().find((candidate) => candidate.startsWith(`${name}=`));
  assert.ok(line, `${what}: no Set-Cookie for ${name} (got ${JSON.stringify(response.headers.getSetCookie())})`);
  return line;
}

function expectSecureCookie(line: string, what: string) {
  const attributes = line.split(';').slice(1).map((part) => part.trim().toLowerCase());
  for (const flag of ['secure', 'httponly', 'samesite=lax']) assert.ok(attributes.includes(flag), `${what}: ${flag} expected: ${line}`);
}

/** What Werkzeug's debugger and tracebacks show and a production page must not. */
function expectNoDebugInfo(response: HttpResponse, what: string) {
  for (const marker of ['Traceback', 'Werkzeug Debugger', '__debugger__', 'File "', '.py", line']) {
    assert.ok(!response.text.includes(marker), `${what}: the page shows debug information (${marker}): ${response.text.slice(0, 500)}`);
  }
}

function expectSecurityHeaders(response: HttpResponse, what: string) {
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
  assert.equal(response.headers.get('x-frame-options'), 'DENY', `${what}: X-Frame-Options`);
  const policy = response.headers.get('content-security-policy') ?? '';
  assert.match(policy, /default-src 'self'/, `${what}: Content-Security-Policy`);
  assert.match(policy, /frame-ancestors 'none'/, `${what}: CSP frame-ancestors`);
}

const checks: SmokeChecks = {
  framework: 'flask',
  env: { FLASK_CONFIG: 'development' },
  async check(context) {
    const { client, options } = context;
    const csrf = options.csrf === true;
    const visitor = client();

    const home = await visitor.get('/');
    expectStatus(home, 200, 'GET /');
    assert.match(home.text, /<title>Home · /, 'the home page uses the base layout');
    expectSecurityHeaders(home, 'GET / (development)');
    assert.equal(home.headers.get('strict-transport-security'), null, 'no HSTS over plain HTTP');

    // API: create, then the list (cached or not) shows the new note.
    const created = await visitor.sendJson('POST', '/api/notes', { title: 'Smoke note', body: 'over HTTP' });
    expectStatus(created, 201, 'POST /api/notes');
    const note = created.json as { id: number; title: string };
    assert.equal(note.title, 'Smoke note');
    const list = await visitor.get('/api/notes');
    expectStatus(list, 200, 'GET /api/notes');
    assert.ok((list.json as { notes: { id: number }[] }).notes.some((item) => item.id === note.id), 'the list has the new note');
    const missing = await visitor.get('/api/notes/999999');
    expectStatus(missing, 404, 'GET a missing note');
    assert.deepEqual(Object.keys(missing.json as object).sort(), ['error', 'message'], '404 answers JSON');
    expectStatus(await visitor.sendJson('POST', '/api/notes', { title: '' }), 400, 'POST an invalid note');

    // The HTML form adds a note (with the page's CSRF token when CSRF is on).
    const added = await submitForm(visitor, '/notes', { title: 'From the form' }, csrf);
    expectStatus(added, 302, 'POST /notes');
    assert.match((await visitor.get('/notes')).text, /From the form/);

    if (csrf) {
      const forged = await client().postForm('/notes', { title: 'forged' });
      expectStatus(forged, 400, 'POST /notes without a CSRF token');
    }

    if (options.cache !== 'none') {
      const anonymous = client();
      const first = renderedAt((await anonymous.get('/')).text);
      assert.ok(first, 'the home page shows when it was rendered');
      assert.equal(renderedAt((await anonymous.get('/')).text), first, 'the second GET / is served from the cache');
      expectStatus(await anonymous.sendJson('POST', '/api/notes', { title: 'Invalidates' }), 201, 'POST /api/notes');
      const after = await anonymous.get('/');
      assert.notEqual(renderedAt(after.text), first, 'a new note clears the cached home page');
      assert.match(after.text, /Invalidates/);
    }

    if (options.cache === 'redis') {
      // The cached home page is a key in the scenario's Redis database, with the 60 s timeout.
      expectStatus(await client().get('/'), 200, 'GET / to fill the cache');
      const keys = await redisKeys(context, '*main.index');
      assert.ok(keys.length > 0, `the cached home page is not in Redis at ${context.env.REDIS_URL}`);
      const ttl = Number((await context.run(['redis-cli', '-u', context.env.REDIS_URL!, 'TTL', keys[0]!])).stdout.trim());
      assert.ok(ttl > 0 && ttl <= 60, `the cached page ${keys[0]} expires (TTL ${ttl})`);
    }

    if (options.login === true) {
      const member = client();
      const credentials = { username: `smoke${Date.now()}`, password: PASSWORD };
      const registered = await submitForm(member, '/register', { ...credentials, confirm: credentials.password }, csrf);
      expectStatus(registered, 302, 'POST /register');
      assert.equal(registered.headers.get('location'), '/login');

      const beforeLogin = await member.get('/account');
      expectStatus(beforeLogin, 302, 'GET /account before logging in');

      const loggedIn = await submitForm(member, '/login', credentials, csrf);
      expectStatus(loggedIn, 302, 'POST /login');
      const account = await member.get('/account');
      expectStatus(account, 200, 'GET /account when logged in');
      assert.match(account.text, new RegExp(credentials.username));

      // The logout button is a form in the layout; its token is the session's CSRF token.
      const logout = await member.postForm('/logout', csrf ? { csrf_token: formToken(account.text, 'csrf_token') } : {});
      expectStatus(logout, 302, 'POST /logout');
      const afterLogout = await member.get('/account');
      expectStatus(afterLogout, 302, 'GET /account after logging out');
      assert.match(afterLogout.headers.get('location') ?? '', /^\/login\?next=/, 'redirects to the login page');

      expectWerkzeugHash(await storedHash(context, credentials.username), 'the stored password');

      // Five wrong passwords for this account from this client: then 429, even for the right one.
      const attacker = client();
      for (let attempt = 1; attempt <= 5; attempt++) {
        const wrong = await submitForm(attacker, '/login', { username: credentials.username, password: 'wrong-password' }, csrf);
        expectStatus(wrong, 200, `wrong password #${attempt}`);
      }
      const locked = await submitForm(attacker, '/login', credentials, csrf);
      expectStatus(locked, 429, 'log in after five failures');
      assert.ok(Number(locked.headers.get('retry-after')) > 0, 'a 429 says when to retry');
      if (options.cache === 'redis') {
        assert.ok((await redisKeys(context, '*login-failures:*')).length > 0, 'the failure counter is a key in Redis');
      }
    }
  },

  production: {
    env: { FLASK_CONFIG: 'production' },
    prepare: [{ argv: ['.venv/bin/flask', 'init-db'] }],
    start: { argv: ['.venv/bin/gunicorn', 'wsgi:app', '--bind', '127.0.0.1:{port}', '--workers', '2'] },
    async check(context) {
      const { options } = context;
      const csrf = options.csrf === true;
      const origin = `https://${new URL(context.baseUrl).host}`;
      // What a TLS-terminating proxy adds (ProxyFix trusts one proxy in production); the
      // Referer is what a browser sends, and Flask-WTF checks it on HTTPS.
      const https = { 'x-forwarded-proto': 'https' };
      const browser = context.client();

      const plain = await browser.get('/');
      expectStatus(plain, 200, 'GET / over plain HTTP');
      assert.equal(plain.headers.get('strict-transport-security'), null, 'no HSTS over plain HTTP');
      const home = await browser.get('/', https);
      expectStatus(home, 200, 'GET / over HTTPS');
      expectSecurityHeaders(home, 'GET / (production)');
      assert.match(home.headers.get('strict-transport-security') ?? '', /^max-age=\d+/, 'HSTS over HTTPS');

      const missing = await browser.get('/no-such-page', https);
      expectStatus(missing, 404, 'an unknown URL');
      expectNoDebugInfo(missing, 'the 404 page');
      expectSecurityHeaders(missing, 'the 404 page');
      const apiMissing = await browser.get('/api/notes/999999', https);
      expectStatus(apiMissing, 404, 'a missing note');
      expectNoDebugInfo(apiMissing, 'the API 404');
      const badJson = await browser.request('POST', '/api/notes', { body: '{"title": ', headers: { ...https, 'content-type': 'application/json' } });
      expectStatus(badJson, 400, 'broken JSON');
      expectNoDebugInfo(badJson, 'the API 400');

      // A form POST over HTTPS: the session cookie (flash message) is Secure, HttpOnly, SameSite.
      const added = await submitForm(browser, '/notes', { title: 'In production' }, csrf, { ...https, referer: `${origin}/notes` });
      expectStatus(added, 302, 'POST /notes over HTTPS');
      expectSecureCookie(setCookie(added, 'session', 'POST /notes'), 'the session cookie');

      if (csrf) {
        const formPath = options.login === true ? '/login' : '/notes';
        const fields: Record<string, string> = options.login === true ? { username: 'nobody', password: 'whatever' } : { title: 'forged' };
        const forged = await context.client().postForm(formPath, fields, { ...https, referer: `${origin}${formPath}` });
        expectStatus(forged, 400, `POST ${formPath} without a CSRF token`);
        expectNoDebugInfo(forged, 'the CSRF failure page');
      }

      if (options.login === true) {
        const member = context.client();
        const credentials = { username: `prod${Date.now()}`, password: PASSWORD };
        const headers = (path: string) => ({ ...https, referer: `${origin}${path}` });
        const registered = await submitForm(member, '/register', { ...credentials, confirm: PASSWORD }, csrf, headers('/register'));
        expectStatus(registered, 302, 'POST /register over HTTPS');
        const loggedIn = await submitForm(member, '/login', { ...credentials, remember: 'y' }, csrf, headers('/login'));
        expectStatus(loggedIn, 302, 'POST /login over HTTPS');
        expectSecureCookie(setCookie(loggedIn, 'session', 'log in'), 'the session cookie after logging in');
        expectSecureCookie(setCookie(loggedIn, 'remember_token', 'log in with "keep me logged in"'), 'the remember-me cookie');
        expectStatus(await member.get('/account', https), 200, 'GET /account when logged in');
        expectWerkzeugHash(await storedHash(context, credentials.username), 'the stored password (production)');
      }
    },
  },
};

export default checks;
