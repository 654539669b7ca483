// The dashboard's arithmetic (app/src/main/resources/dashboard/metrics.js) under Node's test
// runner, run by DashboardScriptIT: rates and percentiles by difference of two snapshots.
import { test } from "node:test";
import assert from "node:assert/strict";
import { index, key, kind, rate, growth, percentile, mean } from "../../main/resources/dashboard/metrics.js";

const snapshot = (at, meters) => ({ at, index: index({ meters }) });

test("a meter's key and kind name it with its tags in a stable order", () => {
  const meter = { name: "realtime.refusals", tags: { code: "RATE_LIMITED", action: "join" } };
  assert.equal(key(meter), "realtime.refusals{action=join,code=RATE_LIMITED}");
  assert.equal(key({ name: "realtime.sockets", tags: {} }), "realtime.sockets");
  assert.equal(kind(meter), "code=RATE_LIMITED, action=join");
});

test("a counter's rate is its growth per second between two snapshots", () => {
  const before = snapshot(1_000, [{ name: "realtime.deliveries", tags: {}, value: 10 }]);
  const after = snapshot(3_000, [{ name: "realtime.deliveries", tags: {}, value: 30 }]);
  assert.equal(rate(before, after, "realtime.deliveries"), 10);
  assert.equal(rate(before, after, "realtime.other"), null);
  assert.equal(growth(before, after, "realtime.deliveries"), 20);
  // a node restarted: its counter began again, no negative rate
  const restarted = snapshot(5_000, [{ name: "realtime.deliveries", tags: {}, value: 2 }]);
  assert.equal(rate(after, restarted, "realtime.deliveries"), 0);
});

test("percentiles come from the buckets' growth only, interpolated inside a bucket", () => {
  // before: 100 events all under 1 ms; since then: 10 under 1 ms, 80 in (1, 10] ms, 10 in (10, 100] ms
  const before = { buckets: [[0.001, 100], [0.01, 100], [0.1, 100], [null, 100]] };
  const after = { buckets: [[0.001, 110], [0.01, 190], [0.1, 200], [null, 200]] };
  assert.equal(percentile(before, after, 0.1), 0.001);
  assert.ok(Math.abs(percentile(before, after, 0.5) - (0.001 + 0.009 * (40 / 80))) < 1e-12);
  assert.ok(Math.abs(percentile(before, after, 0.95) - (0.01 + 0.09 * 0.5)) < 1e-12);
  // with no earlier snapshot, everything counted so far: the 100th of 200 is in the first bucket
  assert.ok(Math.abs(percentile(null, after, 0.5) - 0.001 * (100 / 110)) < 1e-12);
});

test("events past the last bound read as the last bound; no events is no percentile", () => {
  const after = { buckets: [[0.001, 0], [0.01, 0], [null, 4]] };
  assert.equal(percentile(null, after, 0.99), 0.01);
  assert.equal(percentile(after, after, 0.5), null);
  assert.equal(percentile(null, { buckets: [] }, 0.5), null);
});

test("the mean is the growth of the total over the growth of the count", () => {
  assert.equal(mean({ count: 10, total: 1 }, { count: 20, total: 3 }), 0.2);
  assert.equal(mean({ count: 10, total: 1 }, { count: 10, total: 1 }), null);
  assert.equal(mean(null, { count: 4, total: 2 }), 0.5);
});
