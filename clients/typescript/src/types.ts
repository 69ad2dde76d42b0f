/*
 * The JSON shapes of the NodeLink Metrics API (docs/rest-api.md), field for field.
 * Every field is always present in server answers: zero, "" or [] rather than missing.
 * Timestamps named `timestamp` are Unix seconds; `last_seen`/`last_update` are RFC 3339 UTC.
 */

/** One agent in `GET /metrics/agents`. */
export interface AgentSummary {
  agent_id: string;
  /** True while the agent's gRPC stream is open. */
  connected: boolean;
  status: 'online' | 'offline';
  /** Last gRPC message, RFC 3339 UTC. */
  last_seen: string;
  /** Last metrics or system info, RFC 3339 UTC. */
  last_update: string;
  streaming_active: boolean;
  has_system_info: boolean;
  has_metrics: boolean;
  /** Extension: someone (SSE clients, a manual start) holds streaming on. */
  streaming_wanted?: boolean;
  /** Extension: the interval the agent streams at for holders, 0 if not `streaming_active`. */
  streaming_interval_seconds?: number;
  /**
   * Extension: the interval the agent streams at now, the server's collection baseline
   * (`nodelink.collection.interval`) included; 0 when it does not stream.
   */
  collection_interval_seconds?: number;
  /**
   * Extension: the agent's history series seen within the server's retention, the ones counted
   * against `nodelink.history.max-series-per-agent`.
   */
  series_count?: number;
  /**
   * Extension: another host presented this agent id within the last 10 minutes; its connections
   * are refused while this one is live. Give each host its own agent id.
   */
  duplicate_id?: boolean;
  /** Extension: why the last command to start or change the agent's stream failed; "" if none. */
  streaming_error?: string;
  /** Extension: how many alerts of the agent fire now (`GET /alerts?agent_id=...`). */
  alerts_firing?: number;
}

/** `GET /metrics/agents`. */
export interface AgentsResponse {
  agents: Record<string, AgentSummary>;
}

export interface CpuInfo {
  model: string;
  cores: number;
  threads: number;
  base_frequency_ghz: number;
  max_frequency_ghz: number;
  features: string[];
}

export interface MemoryInfo {
  total_bytes: number;
  available_bytes: number;
  memory_type: string;
  speed_mhz: number;
}

export interface DiskInfo {
  device: string;
  mount_point: string;
  filesystem: string;
  total_bytes: number;
  available_bytes: number;
  disk_type: string;
}

export interface SystemHardware {
  cpu: CpuInfo;
  memory: MemoryInfo;
  disks: DiskInfo[];
  architecture: string;
  core_count: number;
  thread_count: number;
}

export interface OperatingSystem {
  name: string;
  version: string;
  kernel_version: string;
  distribution: string;
}

export interface InstalledPackage {
  name: string;
  version: string;
  package_manager: string;
}

export interface SystemSoftware {
  os: OperatingSystem;
  hostname: string;
  uptime_seconds: number;
  packages: InstalledPackage[];
}

export interface NetworkInterfaceInfo {
  name: string;
  mac_address: string;
  ip_addresses: string[];
  speed_mbps: number;
  is_up: boolean;
}

/** `GET /agents/{id}/system`. */
export interface SystemInfo {
  agent_id: string;
  timestamp: number;
  hardware: SystemHardware;
  software: SystemSoftware;
  network_interfaces: NetworkInterfaceInfo[];
}

export interface CpuMetrics {
  usage_percent: number;
  core_usage: number[];
  user_percent: number;
  system_percent: number;
  idle_percent: number;
  iowait_percent: number;
  /** 0 when the host exposes no sensor. */
  temperature_celsius: number;
}

export interface MemoryMetrics {
  total_bytes: number;
  used_bytes: number;
  available_bytes: number;
  free_bytes: number;
  cached_bytes: number;
  buffers_bytes: number;
  usage_percent: number;
  swap_total_bytes: number;
  swap_used_bytes: number;
  swap_free_bytes: number;
  swap_usage_percent: number;
}

export interface DiskMetrics {
  device: string;
  mount_point: string;
  total_bytes: number;
  used_bytes: number;
  available_bytes: number;
  usage_percent: number;
  read_bytes_per_sec: number;
  write_bytes_per_sec: number;
  read_ops_per_sec: number;
  write_ops_per_sec: number;
  io_util_percent: number;
}

export interface NetworkMetrics {
  interface: string;
  bytes_sent_per_sec: number;
  bytes_recv_per_sec: number;
  packets_sent_per_sec: number;
  packets_recv_per_sec: number;
  errors_in: number;
  errors_out: number;
  drops_in: number;
  drops_out: number;
}

export interface TaskProcessMetrics {
  task_id: string;
  pid: number;
  cpu_percent: number;
  memory_bytes: number;
  virtual_memory_bytes: number;
  threads: number;
  read_bytes: number;
  write_bytes: number;
}

export interface ProcessMetrics {
  total_processes: number;
  running_processes: number;
  sleeping_processes: number;
  zombie_processes: number;
  task_processes: TaskProcessMetrics[];
}

export interface LoadMetrics {
  load1: number;
  load5: number;
  load15: number;
}

/** Extension: how the agent's collection of one snapshot went. */
export interface CollectionStats {
  duration_ms: number;
  failed_collectors: string[];
  /** Fields this host cannot measure (reported as 0), e.g. `load.load1` on Windows; absent from older servers. */
  unavailable_fields?: string[];
}

/** `GET /agents/{id}/metrics` and the data of every SSE `metrics` event. */
export interface MetricsSnapshot {
  agent_id: string;
  timestamp: number;
  cpu: CpuMetrics;
  memory: MemoryMetrics;
  disks: DiskMetrics[];
  network_interfaces: NetworkMetrics[];
  processes: ProcessMetrics;
  load: LoadMetrics;
  /** Extension; absent from servers that predate it. */
  collection?: CollectionStats;
}

/** The metric groups an agent can stream. */
export type MetricGroup = 'cpu' | 'memory' | 'disk' | 'network' | 'processes' | 'load';

/** Body of `POST /agents/{id}/metrics/start`; both fields optional (5 s, all groups). */
export interface StartStreamingRequest {
  /** 1–300 seconds. */
  interval_seconds?: number;
  /** Empty or absent means every group. */
  metrics?: MetricGroup[];
}

/** A request the server accepted and sent to the agent as a task. */
export interface TaskAccepted {
  message: string;
  task_id: string;
}

/** `POST /agents/{id}/metrics/start`. */
export interface StreamingStarted extends TaskAccepted {
  interval_seconds: number;
}

/** A plain confirmation, e.g. `DELETE /tasks/{id}`. */
export interface MessageResponse {
  message: string;
}

/** How history buckets combine their raw points (extension; the server's default is `avg`). */
export type HistoryAggregation = 'avg' | 'min' | 'max' | 'last';

/** Parameters of `GET /agents/{id}/metrics/history`; all optional. */
export interface HistoryQuery {
  /** Series names; empty or absent means every series. */
  metrics?: string[];
  /** Unix seconds; default: the earliest point kept. */
  start?: number;
  /** Unix seconds; default: now. */
  end?: number;
  /** Bucket width in seconds; 0 or absent gives raw points. */
  interval?: number;
  /** Most points in the answer (default 1000); the interval widens to fit. */
  max_points?: number;
  /** Extension: bucket aggregation. */
  agg?: HistoryAggregation;
}

export interface HistoryPoint {
  timestamp: number;
  values: Record<string, number>;
}

/** `GET /agents/{id}/metrics/history`. */
export interface MetricsHistory {
  agent_id: string;
  data_points: HistoryPoint[];
  query_start_timestamp: number;
  query_end_timestamp: number;
  total_points: number;
  truncated: boolean;
  /** Extension: the bucket width actually used (0 for raw points). */
  interval_seconds: number;
}

/** Extension: the history series an agent has, `GET /agents/{id}/metrics/series`. */
export interface SeriesList {
  agent_id: string;
  series: string[];
}

/** The kinds of task the server sends (or runs locally). */
export type TaskType = 'system_info' | 'metrics_start' | 'metrics_stop' | 'metrics_update' | 'local';

/** How far a task got; `completed`, `failed` and `cancelled` are final. */
export type TaskStatus = 'pending' | 'in_progress' | 'completed' | 'failed' | 'cancelled';

/** A control task the server sent to an agent, `GET /tasks/{id}`. */
export interface TaskInfo {
  task_id: string;
  agent_id: string;
  type: TaskType;
  status: TaskStatus;
  /** RFC 3339 UTC. */
  created_at: string;
  /** RFC 3339 UTC, the last status change. */
  updated_at: string;
  /** What happened, for people. */
  message: string;
  /** Why it failed; "" otherwise. */
  error: string;
  /** The status will not change any more. */
  is_final: boolean;
  /** The stream interval of stream tasks, 0 otherwise. */
  interval_seconds: number;
}

/** `GET /agents/{id}/tasks`. */
export interface AgentTasks {
  agent_id: string;
  tasks: TaskInfo[];
}

/** Extension: SSE `status` event, sent when the agent goes offline or comes back. */
export interface AgentStatusEvent {
  agent_id: string;
  connected: boolean;
}

/** The error body of every failed API call. */
export interface ErrorBody {
  error: string;
  details?: unknown;
}
