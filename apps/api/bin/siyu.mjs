#!/usr/bin/env node
// `npx siyu <command>`: runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
