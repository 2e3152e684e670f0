/**
 * No data file can make ccp run code or reach the network: YAML tags that ask for code or
 * includes are refused, schema references in data are never followed, and the built bundle
 * imports no network module at all.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../src/load/index.js';
import { checkFiles } from '../../src/validate/index.js';
import { runCli } from '../helpers/run-cli.js';
import { testdir } from '../helpers/testdir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MINI = join(ROOT, 'tests/fixtures/plans/mini.yaml');
const HEAD = 'apiVersion: ccp/v1\nkind: Measurements\nplan: mini-plan\nperiod: 2025\nmeasurements:\n';

/** True when anything in `value` is a function, a RegExp, a Date, a Map, a Set or a Buffer. */
function holdsObjects(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object') return false;
  if (value instanceof RegExp || value instanceof Date || value instanceof Map || value instanceof Set || value instanceof Uint8Array) return true;
  return Object.values(value).some(holdsObjects);
}

describe('YAML tags', () => {
  const TAGS: [string, string][] = [
    ['!!js/function', `value: !!js/function "function () { globalThis.ccpPwned = true; return 1 }"`],
    ['!<tag:yaml.org,2002:js/function>', `value: !<tag:yaml.org,2002:js/function> "() => { globalThis.ccpPwned = true }"`],
    ['!!js/regexp', 'note: !!js/regexp /(a+)+$/'],
    ['!!js/undefined', 'note: !!js/undefined ""'],
    ['!include', 'note: !include /etc/passwd'],
    ['!!binary', 'note: !!binary aGVsbG8='],
    ['!!set', 'note: !!set { a, b }'],
    ['!!omap', 'note: !!omap [ a: 1 ]'],
    ['!!timestamp', 'note: !!timestamp 2025-01-01'],
    ['!!str on a key', '!!str value: 50'],
    ['a local tag on the entry', '!entry { indicator: dossiers-online }'],
  ];

  it.each(TAGS)('%s is refused at its place and builds nothing', async (_name, line) => {
    const text = line.startsWith('!entry')
      ? `${HEAD}  - ${line}\n`
      : `${HEAD}  - indicator: dossiers-online\n    ${line.startsWith('value') ? '' : 'value: 50\n    '}${line}\n`;
    const dir = testdir({ 'data.yaml': text });
    const doc = await loadFile('data.yaml', { cwd: dir });
    expect(doc.diagnostics.map((d) => d.code)).toContain('yaml-tag');
    const tagged = doc.diagnostics.find((d) => d.code === 'yaml-tag')!;
    expect(tagged.line).toBe(text.split('\n').findIndex((l) => l.includes('!')) + 1);
    expect(holdsObjects(doc.data)).toBe(false);
    const check = await checkFiles(['data.yaml'], { cwd: dir, plan: MINI });
    expect(check.summary.errors).toBeGreaterThan(0);
    expect((globalThis as { ccpPwned?: boolean }).ccpPwned).toBeUndefined();
  });

  it('no include reaches outside the file: an alias names only an anchor of the same document', async () => {
    const dir = testdir({ 'data.yaml': `${HEAD}  - indicator: dossiers-online\n    value: *elsewhere\n` });
    const doc = await loadFile('data.yaml', { cwd: dir });
    expect(doc.diagnostics.map((d) => d.code)).toContain('yaml-syntax');
  });
});

describe('no network', () => {
  let server: Server;
  let url: string;
  let requests = 0;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      requests++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"type":"object"}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
  });

  it('schema references in data files ($schema, $ref, $id, the editor comment) are never fetched', async () => {
    const dir = testdir({
      'data.yaml':
        `# yaml-language-server: $schema=${url}/comment.json\n` +
        `$schema: ${url}/schema.json\n$id: ${url}/id.json\n${HEAD.replace('period: 2025\n', `period: 2025\n$ref: ${url}/ref.json\n`)}` +
        `  - indicator: dossiers-online\n    value: 50\n    $ref: ${url}/entry.json\n`,
      'plan.yaml': readFileSync(MINI, 'utf8').replace('id: mini-plan', `id: mini-plan\n$ref: ${url}/plan.json`),
      'data.csv': `indicator,period,value,source,plan\ndossiers-online,2024,40,${url}/source.json,mini-plan\n`,
    });
    for (const args of [
      ['validate', '.', '--plan', 'plan.yaml', '--format', 'json'],
      ['evaluate', 'data.csv', '--plan', MINI, '--as-of', '2026-11-27', '--format', 'html'],
      ['validate', 'data.yaml', '--plan', MINI],
    ]) {
      const run = await runCli(args, { cwd: dir });
      expect([0, 1], run.stderr).toContain(run.code);
    }
    expect(requests).toBe(0);
  });

  it('the built bundle imports no network module and calls no fetch', () => {
    const dist = join(ROOT, 'dist');
    if (!existsSync(join(dist, 'cli', 'main.cjs'))) throw new Error('dist/ is missing: run `node scripts/build.mjs` (npm test does) first');
    const network = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["'](?:node:)?(?:http|https|http2|net|tls|dgram|dns|undici)["']/;
    // The library's chunks and the command line's bundles alike.
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js') || name.endsWith('.cjs'));
    expect(files.filter((name) => name.endsWith('.cjs')).length).toBeGreaterThan(5);
    for (const name of files) {
      const text = readFileSync(join(dist, name), 'utf8');
      expect(network.test(text), `${name} imports a network module`).toBe(false);
      expect(/\bfetch\s*\(/.test(text), `${name} calls fetch`).toBe(false);
      expect(/\b(?:XMLHttpRequest|WebSocket|EventSource)\b/.test(text), name).toBe(false);
    }
  });
});
