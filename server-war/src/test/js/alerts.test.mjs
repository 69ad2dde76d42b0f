// Unit tests of the Alerts page's pure parts and the overview's firing badge; run by `node --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertBadge } from '../../main/webapp/assets/overview-badge.js';
import { ruleCondition } from '../../main/webapp/assets/alerts-rows.js';

test('the firing badge shows only when alerts fire, with their number', () => {
  assert.equal(alertBadge({ alerts_firing: 0 }).show, false);
  assert.equal(alertBadge({}).show, false);
  assert.equal(alertBadge(undefined).show, false);
  const two = alertBadge({ alerts_firing: 2 });
  assert.equal(two.show, true);
  assert.equal(two.text, '2 firing');
  assert.match(two.title, /2 alerts/);
});

test('a rule reads as its condition', () => {
  assert.equal(
    ruleCondition({ type: 'threshold', agg: 'avg', metric: 'cpu.usage_percent', over_seconds: 60, op: '>', threshold: 90, clear_threshold: 80 }),
    'avg(cpu.usage_percent) over 60 s > 90 (clears 80)');
  assert.equal(
    ruleCondition({ type: 'threshold', agg: 'last', metric: 'disk.*.usage_percent', over_seconds: 0, op: '>', threshold: 95, clear_threshold: null }),
    'last(disk.*.usage_percent) > 95');
  assert.equal(ruleCondition({ type: 'no_data' }), 'no data');
  assert.equal(ruleCondition({ type: 'predict_full', metric: 'disk.*.usage_percent', threshold: 86400 }),
    'disk.*.usage_percent full within 86400 s');
});
