// `npm run dev`: the server in development mode (stack traces on error pages, sample
// tasks, views re-read on each request) unless NODE_ENV says otherwise. Everything else
// starts in production mode by default (src/config.ts).
process.env.NODE_ENV ??= 'development';
await import('./server.js');
