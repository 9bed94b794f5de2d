// Laravel over real HTTP, with the queue worker run as a user runs it: the Blade
// dashboard, POST → 202 with the job left on the database queue, `queue:work` doing
// the analysis and sending the queued mail (log mailer), a job that fails landing in
// `queue:failed` and going back with `queue:retry`, a job batch, 422 JSON validation
// errors, and the CSRF-protected web form.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expectStatus, formToken, type HttpClient } from './http.js';
import type { SmokeChecks, SmokeContext } from './types.js';

interface DocumentJson {
  id: number;
  status: string;
  word_count: number | null;
  keywords: string[] | null;
  failure_reason: string | null;
}

async function fetchDocument(api: HttpClient, id: number): Promise<DocumentJson> {
  const response = await api.get(`/api/documents/${id}`, { accept: 'application/json' });
  expectStatus(response, 200, `GET /api/documents/${id}`);
  return (response.json as { data: DocumentJson }).data;
}

async function submit(api: HttpClient, document: Record<string, string>): Promise<DocumentJson> {
  const response = await api.sendJson('POST', '/api/documents', document);
  expectStatus(response, 202, 'POST /api/documents');
  const created = (response.json as { data: DocumentJson }).data;
  assert.equal(created.status, 'queued', 'answered before any work is done');
  assert.match(response.headers.get('location') ?? '', new RegExp(`/api/documents/${created.id}$`), 'Location header');
  return created;
}

/** Runs the worker until the queue is empty, as `php artisan queue:work` would. */
function drainQueue(context: SmokeContext) {
  return context.run(['php', 'artisan', 'queue:work', '--stop-when-empty']);
}

const checks: SmokeChecks = {
  framework: 'laravel',
  async check(context) {
    const api = context.client();

    const home = await api.get('/');
    expectStatus(home, 200, 'GET /');
    assert.match(home.headers.get('content-type') ?? '', /text\/html/);
    assert.match(home.text, /<title>Dashboard · /, 'the Blade layout renders the page title');
    assert.match(home.text, /Analyse a text/);
    assert.match(home.text, /No failed jobs\./);

    // Accepted at once; the work waits for a worker.
    const title = `Smoke ${Date.now()}`;
    const created = await submit(api, {
      title,
      body: 'Queues keep slow work out of requests. Queues retry work that fails.',
      notify_email: 'smoke@example.com',
    });
    assert.equal((await fetchDocument(api, created.id)).status, 'queued', 'nothing runs without a worker');
    assert.match((await api.get('/')).text, /Waiting or running \(1\)/, 'the dashboard lists the waiting job');

    // One job: the analysis. It queues the mail, which the next pass sends.
    await context.run(['php', 'artisan', 'queue:work', '--once', '--stop-when-empty']);
    const analyzed = await fetchDocument(api, created.id);
    assert.equal(analyzed.status, 'analyzed');
    assert.equal(analyzed.word_count, 12);
    assert.deepEqual(analyzed.keywords, ['queues', 'work', 'keep', 'slow', 'requests']);
    await drainQueue(context);
    const log = await readFile(join(context.projectDir, 'storage/logs/laravel.log'), 'utf8');
    assert.ok(log.includes(`Subject: Analysed: ${title}`), 'the queued mail went to the log mailer');
    assert.ok(log.includes('To: smoke@example.com'), 'the mail is addressed to the submitter');

    const page = await api.get(`/documents/${created.id}`);
    expectStatus(page, 200, 'GET /documents/{id}');
    assert.match(page.text, /status-analyzed/);

    // A text without words fails for good, lands in failed_jobs, and queue:retry puts it back.
    const broken = await submit(api, { title: 'No words', body: '... --- ?!' });
    await drainQueue(context);
    const failed = await fetchDocument(api, broken.id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.failure_reason ?? '', /no words/);
    const failedList = await context.run(['php', 'artisan', 'queue:failed']);
    assert.match(failedList.stdout, /AnalyzeDocument/, 'queue:failed lists the job');
    assert.match((await api.get('/')).text, /Failed \(1\)/, 'the dashboard shows the failed job');

    const retried = await context.run(['php', 'artisan', 'queue:retry', 'all']);
    assert.match(retried.stdout, /pushed back onto the queue|retry/i);
    assert.doesNotMatch((await context.run(['php', 'artisan', 'queue:failed'])).stdout, /AnalyzeDocument/, 'the retried job left failed_jobs');
    assert.match((await api.get('/')).text, /Waiting or running \(1\)/, 'the retried job waits on the queue again');
    await drainQueue(context);
    assert.match((await context.run(['php', 'artisan', 'queue:failed'])).stdout, /AnalyzeDocument/, 'it fails again: the text is unchanged');

    // A batch over every document: the worker runs it, the dashboard shows its progress.
    const batch = await context.run(['php', 'artisan', 'documents:reanalyze']);
    assert.match(batch.stdout, /Queued 2 document\(s\) for analysis\./);
    await drainQueue(context);
    const dashboard = (await api.get('/')).text;
    assert.match(dashboard, /Re-analyse 2 document\(s\)/, 'the dashboard lists the batch');
    assert.match(dashboard, /1 of 2 done \(50%\),\s+1 failed/, 'the batch counts the analysed and the failed document');
    assert.equal((await fetchDocument(api, created.id)).status, 'analyzed', 'the batch analysed the document again');

    // Validation: 422 with the errors as JSON.
    const invalid = await api.sendJson('POST', '/api/documents', { title: '', notify_email: 'nope' });
    expectStatus(invalid, 422, 'POST /api/documents with invalid input');
    const errors = (invalid.json as { errors: Record<string, string[]> }).errors;
    assert.deepEqual(Object.keys(errors).sort(), ['body', 'notify_email', 'title']);

    // The web form: CSRF-protected, redirects back with a flash message.
    const browser = context.client();
    const form = await browser.get('/');
    const token = formToken(form.text, '_token');
    const rejected = await context.client().postForm('/documents', { title: 'No token', body: 'Some words.' });
    expectStatus(rejected, 419, 'POST /documents without a CSRF token');
    const posted = await browser.postForm('/documents', { _token: token, title: 'From the form', body: 'Typed into the dashboard.' });
    expectStatus(posted, 302, 'POST /documents');
    assert.equal(new URL(posted.headers.get('location') ?? '', context.baseUrl).pathname, '/', 'redirects to the dashboard');
    const after = await browser.get('/');
    assert.match(after.text, /is queued\. Run a worker to analyse it\./, 'the flash message is shown once');
    assert.match(after.text, /From the form/);
  },
};

export default checks;
