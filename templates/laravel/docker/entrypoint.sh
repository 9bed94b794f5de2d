#!/bin/sh
# The container's entrypoint (Dockerfile): prepares the app from this container's
# environment, then runs the command — Apache by default, or e.g.
# `php artisan queue:work` for a worker.
set -e

# SQLite: the database file must exist before the first connection.
if [ "${DB_CONNECTION:-sqlite}" = sqlite ] && [ -n "${DB_DATABASE:-}" ] && [ ! -e "$DB_DATABASE" ]; then
    touch "$DB_DATABASE"
fi

php artisan config:cache
php artisan route:cache
php artisan view:cache

if [ "${MIGRATE_ON_START:-false}" = true ]; then
    php artisan migrate --force
    # Workers still running the previous release (elsewhere, sharing this cache)
    # finish their current job and exit, to be started again on the new code.
    php artisan queue:restart
fi

exec "$@"
