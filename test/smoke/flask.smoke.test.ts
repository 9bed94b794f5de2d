import checks from './flask.checks.js';
import { defineSmokeSuite } from './define.js';

defineSmokeSuite('flask', checks);
