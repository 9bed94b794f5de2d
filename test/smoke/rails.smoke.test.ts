import checks from './rails.checks.js';
import { defineSmokeSuite } from './define.js';

defineSmokeSuite('rails', checks);
