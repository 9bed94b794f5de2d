import checks from './express.checks.js';
import { defineSmokeSuite } from './define.js';

defineSmokeSuite('express', checks);
