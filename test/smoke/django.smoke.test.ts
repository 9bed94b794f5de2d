import checks from './django.checks.js';
import { defineSmokeSuite } from './define.js';

defineSmokeSuite('django', checks);
