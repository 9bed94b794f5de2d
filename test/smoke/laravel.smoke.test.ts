import checks from './laravel.checks.js';
import { defineSmokeSuite } from './define.js';

defineSmokeSuite('laravel', checks);
