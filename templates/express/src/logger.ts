import createDebug from 'debug';

// Namespaced debug output, silent unless enabled: `DEBUG=app:* npm run dev` shows all of
// it, `DEBUG=app:cache` only the cache. Add a namespace per area of the app.
export const log = {
  server: createDebug('app:server'),
  cache: createDebug('app:cache'),
  tasks: createDebug('app:tasks'),
  error: createDebug('app:error'),
};
