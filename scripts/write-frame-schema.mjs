#!/usr/bin/env node
// Writes schema/frame-v1.schema.json, the JSON Schema of the page tree, from the zod
// reader in src/frame/schema.ts (through dist/). A test keeps the file up to date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { frameJsonSchema } = await import(pathToFileURL(path.join(root, 'dist/frame/schema.js')).href);
fs.writeFileSync(path.join(root, 'schema/frame-v1.schema.json'), JSON.stringify(frameJsonSchema(), null, 1) + '\n');
