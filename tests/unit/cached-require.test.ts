import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedRequire, codeCaches, loadedBundles } from '../../src/cli/cached-require.js';
import { testdir } from '../helpers/testdir.js';

describe('cachedRequire', () => {
  it("runs a bundle once, hands it node's modules and its sibling bundles, and sees cycles as node does", () => {
    const dir = testdir({
      'a.cjs': "// ccp-build t1\nexports.early = 1;\nconst b = require('./b.cjs');\nexports.sum = b.value + require('node:path').basename('/x/two.txt').length;\nexports.runs = (globalThis.ccpRuns = (globalThis.ccpRuns ?? 0) + 1);\n",
      'b.cjs': "// ccp-build t1\nconst a = require('./a.cjs');\nmodule.exports = { value: 40 + a.early, file: __filename };\n",
    });
    const a = cachedRequire(join(dir, 'a.cjs')) as { sum: number; runs: number };
    expect(a.sum).toBe(41 + 'two.txt'.length);
    expect(cachedRequire(join(dir, 'a.cjs'))).toBe(a);
    expect(a.runs).toBe(1);
    expect((cachedRequire(join(dir, 'b.cjs')) as { file: string }).file).toBe(join(dir, 'b.cjs'));
    const mine = loadedBundles().filter((b) => b.file.startsWith(dir));
    expect(mine).toEqual([
      { file: join(dir, 'a.cjs'), cacheAccepted: null },
      { file: join(dir, 'b.cjs'), cacheAccepted: null },
    ]);
  });

  it('makes caches a later load takes, and offers none whose build differs', () => {
    const source = '// ccp-build t2\nmodule.exports = (n) => n * 2;\n';
    const first = testdir({ 'x.cjs': source });
    expect((cachedRequire(join(first, 'x.cjs')) as (n: number) => number)(21)).toBe(42);
    const cache = codeCaches().find((c) => c.file === join(first, 'x.cjs.cache'));
    expect(cache).toBeDefined();
    expect(cache!.bytes.subarray(0, 18).toString('latin1')).toBe('ccp-code-cache t2\n');

    const second = testdir({ 'x.cjs': source });
    writeFileSync(join(second, 'x.cjs.cache'), cache!.bytes);
    expect((cachedRequire(join(second, 'x.cjs')) as (n: number) => number)(5)).toBe(10);
    expect(loadedBundles().find((b) => b.file === join(second, 'x.cjs'))?.cacheAccepted).toBe(true);

    const third = testdir({ 'x.cjs': source.replace('t2', 't3') });
    writeFileSync(join(third, 'x.cjs.cache'), cache!.bytes);
    cachedRequire(join(third, 'x.cjs'));
    expect(loadedBundles().find((b) => b.file === join(third, 'x.cjs'))?.cacheAccepted).toBe(null);
  });
});
