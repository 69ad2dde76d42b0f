// Unit tests of the overview's pure parts; run by `node --test` (wired into `mvn verify`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duplicateBadge, streamBadge } from '../../main/webapp/assets/overview-badge.js';

const online = { status: 'online', streaming_active: false, streaming_interval_seconds: 0 };

test('a stream someone asked for shows as streaming at its interval', () => {
  const badge = streamBadge({
    ...online, streaming_active: true, streaming_interval_seconds: 1, collection_interval_seconds: 1,
  });
  assert.equal(badge.text, 'Streaming');
  assert.equal(badge.on, true);
  assert.match(badge.title, /every second/);
});

test('an agent that collects with nobody watching shows as collecting, not idle', () => {
  const badge = streamBadge({ ...online, collection_interval_seconds: 10 });
  assert.equal(badge.text, 'Collecting');
  assert.equal(badge.on, true);
  assert.match(badge.title, /every 10 s/);
});

test('no stream, a server without collection, or an offline agent is idle', () => {
  assert.equal(streamBadge({ ...online, collection_interval_seconds: 0 }).text, 'Idle');
  assert.equal(streamBadge(online).text, 'Idle');
  assert.equal(streamBadge({ ...online, status: 'offline', collection_interval_seconds: 10 }).text, 'Idle');
  assert.equal(streamBadge(undefined).on, false);
});

test('the duplicate-id badge shows only while the server flags the agent', () => {
  const flagged = duplicateBadge({ agent_id: 'a1', status: 'online', duplicate_id: true });
  assert.equal(flagged.show, true);
  assert.equal(flagged.text, 'Duplicate ID');
  assert.match(flagged.title, /its own agent id/);
  assert.equal(duplicateBadge({ agent_id: 'a1', duplicate_id: false }).show, false);
  // Servers without the extension send no field at all.
  assert.equal(duplicateBadge({ agent_id: 'a1' }).show, false);
  assert.equal(duplicateBadge(undefined).show, false);
});
