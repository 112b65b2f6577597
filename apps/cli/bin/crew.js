#!/usr/bin/env node
// Needs Node >= 22: run through `npm run crew -- ...` or `npx crew ...`, which put the project's Node first on PATH.
import '../dist/main.js';
