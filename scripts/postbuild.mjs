// tsc keeps the shebang but not the executable bit of the bin.
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/src/cli.js', import.meta.url), 0o755);
