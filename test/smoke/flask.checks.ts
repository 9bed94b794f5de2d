// HTTP checks for a started Flask project (`flask run`, development config: CSRF is on).
import assert from 'node:assert/strict';
import { expectStatus, formToken, type HttpClient } from './http.js';
import type { SmokeChecks } from './types.js';

const renderedAt = (html: string) => /id="rendered-at" datetime="([^"]+)"/.exec(html)?.[1];

/** POSTs a form, first fetching the page to take its CSRF token when the project has one. */
async function submitForm(client: HttpClient, path: string, fields: Record<string, string>, csrf: boolean) {
  const page = await client.get(path);
  expectStatus(page, 200, `GET ${path}`);
  return client.postForm(path, csrf ? { ...fields, csrf_token: formToken(page.text, 'csrf_token') } : fields);
}

const checks: SmokeChecks = {
  framework: 'flask',
  env: { FLASK_CONFIG: 'development' },
  async check({ client, options }) {
    const csrf = options.csrf === true;
    const visitor = client();

    const home = await visitor.get('/');
    expectStatus(home, 200, 'GET /');
    assert.match(home.text, /<title>Home · /, 'the home page uses the base layout');

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

    if (options.login === true) {
      const member = client();
      const credentials = { username: `smoke${Date.now()}`, password: 'smoke-password-1' };
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
    }
  },
};

export default checks;
