// Human formats used everywhere on the dashboard. Pure functions: unit-tested with `node --test`.

const DASH = '–';
const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];
const BIT_UNITS = ['bps', 'Kbps', 'Mbps', 'Gbps', 'Tbps'];

const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

/** Bytes, 1024-based, one decimal from KB up: 1536 → "1.5 KB", 512 → "512 B". */
export function formatBytes(bytes, decimals = 1) {
  if (!isNumber(bytes)) return DASH;
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // 1023.96 KB would print as "1024.0 KB": move it up a unit instead.
  if (unit > 0 && Number(value.toFixed(decimals)) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${sign}${unit === 0 ? Math.round(value) : value.toFixed(decimals)} ${BYTE_UNITS[unit]}`;
}

/** A byte rate: "45.0 MB/s". */
export function formatBytesPerSecond(bytesPerSecond) {
  return isNumber(bytesPerSecond) ? `${formatBytes(bytesPerSecond)}/s` : DASH;
}

/** A network rate given in bytes per second, shown in bits, 1000-based: "150.0 Mbps". */
export function formatBitsPerSecond(bytesPerSecond) {
  if (!isNumber(bytesPerSecond)) return DASH;
  let value = Math.max(0, bytesPerSecond) * 8;
  let unit = 0;
  while (value >= 1000 && unit < BIT_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  if (unit > 0 && Number(value.toFixed(1)) >= 1000 && unit < BIT_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : value.toFixed(1)} ${BIT_UNITS[unit]}`;
}

/** A percentage with one decimal: 45.23 → "45.2%". */
export function formatPercent(percent) {
  return isNumber(percent) ? `${percent.toFixed(1)}%` : DASH;
}

/** A load average with two decimals: "0.42". */
export function formatLoad(load) {
  return isNumber(load) ? load.toFixed(2) : DASH;
}

/** A duration in seconds, the two largest units: "2h 15m", "3d 4h", "5m 10s", "42s". */
export function formatUptime(seconds) {
  if (!isNumber(seconds) || seconds < 0) return DASH;
  const s = Math.floor(seconds);
  const days = Math.floor(s / 86400);
  const hours = Math.floor((s % 86400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const secs = s % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m ${secs}s`;
  return `${secs}s`;
}

/** How long ago a moment was, from milliseconds: "just now", "12s ago", "5m ago", "3h ago". */
export function formatAgo(thenMillis, nowMillis = Date.now()) {
  if (!isNumber(thenMillis) || thenMillis <= 0) return 'never';
  const seconds = Math.max(0, Math.round((nowMillis - thenMillis) / 1000));
  if (seconds < 2) return 'just now';
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / 86400)}d ago`;
}

/** A whole number with digit grouping: 1532 → "1,532". */
export function formatCount(n) {
  return isNumber(n) ? Math.round(n).toLocaleString('en-US') : DASH;
}

/** A frequency in GHz with two decimals, or a dash when unknown (0). */
export function formatGhz(ghz) {
  return isNumber(ghz) && ghz > 0 ? `${ghz.toFixed(2)} GHz` : DASH;
}

/** A temperature in °C, or a dash when the agent has no sensor (0). */
export function formatCelsius(celsius) {
  return isNumber(celsius) && celsius > 0 ? `${celsius.toFixed(1)} °C` : DASH;
}

/** A link speed in Mbit/s as the agent reports it: 1000 → "1 Gbps", 0 → dash. */
export function formatLinkSpeed(mbps) {
  if (!isNumber(mbps) || mbps <= 0) return DASH;
  return mbps >= 1000 ? `${+(mbps / 1000).toFixed(1)} Gbps` : `${mbps} Mbps`;
}

/** Clock time of a Unix-seconds timestamp, for chart axes and tooltips: "14:05:09". */
export function formatClock(unixSeconds, withSeconds = true) {
  if (!isNumber(unixSeconds)) return DASH;
  const d = new Date(unixSeconds * 1000);
  const pad = (n) => String(n).padStart(2, '0');
  return withSeconds
    ? `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
    : `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A bucket width or interval in seconds: 1 → "1 s", 90 → "1.5 min", 3600 → "1 h". */
export function formatInterval(seconds) {
  if (!isNumber(seconds) || seconds <= 0) return 'raw';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${+(seconds / 60).toFixed(1)} min`;
  return `${+(seconds / 3600).toFixed(1)} h`;
}
