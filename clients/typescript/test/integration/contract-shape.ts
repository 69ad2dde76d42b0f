import assert from 'node:assert/strict';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Asserts that `actual` has every field of `example` (a contract-shaped fixture with every field
 * present), each of the same JSON kind, at every depth: the contract says every field is always
 * present, as zero, "" or [] rather than missing or null. Arrays are checked element by element
 * against the example's first element; maps (`values`, `agents`) are skipped by listing them.
 */
export function assertContractShape(
  actual: unknown,
  example: unknown,
  path = '$',
  maps: readonly string[] = ['values', 'agents'],
): void {
  assert.equal(kind(actual), kind(example), `${path}: expected ${kind(example)}, got ${kind(actual)}`);
  if (Array.isArray(example)) {
    const sample = example[0];
    if (sample === undefined) return;
    (actual as Json[]).forEach((item, i) => assertContractShape(item, sample, `${path}[${i}]`, maps));
    return;
  }
  if (kind(example) !== 'object') return;
  const name = path.split('.').at(-1) ?? '';
  if (maps.includes(name)) return;
  const object = actual as Record<string, unknown>;
  for (const [key, value] of Object.entries(example as Record<string, unknown>)) {
    assert.ok(key in object, `${path}.${key} is missing`);
    assertContractShape(object[key], value, `${path}.${key}`, maps);
  }
}
