// Figures from successive GET /admin/metrics snapshots: rates and latency percentiles over the
// last seconds, by difference, since the server's counters and histograms count from its start.

/** A meter's identity: its name and tags, e.g. realtime.refusals{code=RATE_LIMITED}. */
export function key(meter) {
  const tags = Object.entries(meter.tags || {}).map(([k, v]) => `${k}=${v}`).sort().join(",");
  return tags ? `${meter.name}{${tags}}` : meter.name;
}

/** The tags as people read them, e.g. "code=RATE_LIMITED"; "" when none. */
export function kind(meter) {
  return Object.entries(meter.tags || {}).map(([k, v]) => `${k}=${v}`).join(", ");
}

export function index(snapshot) {
  const byKey = new Map();
  for (const meter of snapshot.meters) byKey.set(key(meter), meter);
  return byKey;
}

/** Growth of a counter per second between two snapshots (null when either lacks it). */
export function rate(before, after, meterKey) {
  const a = before?.index.get(meterKey);
  const b = after?.index.get(meterKey);
  const seconds = (after?.at - before?.at) / 1000;
  if (!a || !b || !(seconds > 0)) return null;
  return Math.max(0, (b.value - a.value) / seconds);
}

/** Growth of a counter between two snapshots. */
export function growth(before, after, meterKey) {
  const a = before?.index.get(meterKey);
  const b = after?.index.get(meterKey);
  if (!b) return null;
  return Math.max(0, b.value - (a ? a.value : 0));
}

/**
 * Percentile q (0..1) of what a timer recorded between two snapshots, from its cumulative
 * histogram buckets, interpolated inside the bucket; in the timer's unit. Null with no events.
 */
export function percentile(before, after, q) {
  const now = after.buckets || [];
  if (now.length === 0) return null;
  const then = new Map((before?.buckets || []).map(([le, n]) => [le, n]));
  const counts = now.map(([le, n]) => [le, n - (then.get(le) || 0)]);
  const total = counts[counts.length - 1][1];
  if (!(total > 0)) return null;
  const target = q * total;
  let lower = 0;
  let below = 0;
  for (const [le, n] of counts) {
    if (n >= target) {
      if (le === null) return lower; // past the last bound: the last bound is all we know
      const inside = n - below;
      return inside > 0 ? lower + ((le - lower) * (target - below)) / inside : le;
    }
    if (le !== null) lower = le;
    below = n;
  }
  return lower;
}

/** The mean of what a timer recorded between two snapshots, in its unit; null with no events. */
export function mean(before, after) {
  const count = after.count - (before?.count || 0);
  return count > 0 ? (after.total - (before?.total || 0)) / count : null;
}
