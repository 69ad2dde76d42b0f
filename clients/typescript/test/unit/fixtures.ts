import type {
  AgentSummary,
  MetricsHistory,
  MetricsSnapshot,
  SystemInfo,
  TaskInfo,
} from '../../src/index.js';

/** Contract-shaped answers (docs/rest-api.md), every field present. */
export const agentSummary: AgentSummary = {
  agent_id: 'agent1',
  connected: true,
  status: 'online',
  last_seen: '2026-11-28T10:00:05Z',
  last_update: '2026-11-28T10:00:05Z',
  streaming_active: true,
  has_system_info: true,
  has_metrics: true,
  streaming_wanted: true,
  streaming_interval_seconds: 5,
  collection_interval_seconds: 5,
};

export const snapshot: MetricsSnapshot = {
  agent_id: 'agent1',
  timestamp: 1_795_000_000,
  cpu: {
    usage_percent: 12.5,
    core_usage: [10, 15],
    user_percent: 8,
    system_percent: 4.5,
    idle_percent: 87.5,
    iowait_percent: 0,
    temperature_celsius: 0,
  },
  memory: {
    total_bytes: 17_179_869_184,
    used_bytes: 4_294_967_296,
    available_bytes: 12_884_901_888,
    free_bytes: 10_737_418_240,
    cached_bytes: 2_147_483_648,
    buffers_bytes: 0,
    usage_percent: 25,
    swap_total_bytes: 0,
    swap_used_bytes: 0,
    swap_free_bytes: 0,
    swap_usage_percent: 0,
  },
  disks: [
    {
      device: '/dev/sda1',
      mount_point: '/',
      total_bytes: 53_687_091_200,
      used_bytes: 12_884_901_888,
      available_bytes: 40_802_189_312,
      usage_percent: 24,
      read_bytes_per_sec: 1_572_864,
      write_bytes_per_sec: 200,
      read_ops_per_sec: 3,
      write_ops_per_sec: 1,
      io_util_percent: 0.5,
    },
  ],
  network_interfaces: [
    {
      interface: 'eth0',
      bytes_sent_per_sec: 1000,
      bytes_recv_per_sec: 18_750_000,
      packets_sent_per_sec: 10,
      packets_recv_per_sec: 20,
      errors_in: 0,
      errors_out: 0,
      drops_in: 0,
      drops_out: 0,
    },
  ],
  processes: {
    total_processes: 120,
    running_processes: 2,
    sleeping_processes: 118,
    zombie_processes: 0,
    task_processes: [
      {
        task_id: 'postgres',
        pid: 42,
        cpu_percent: 1.5,
        memory_bytes: 1_048_576,
        virtual_memory_bytes: 2_097_152,
        threads: 7,
        read_bytes: 11,
        write_bytes: 12,
      },
    ],
  },
  load: { load1: 0.5, load5: 0.25, load15: 0.125 },
  collection: { duration_ms: 31.5, failed_collectors: [] },
};

export const systemInfo: SystemInfo = {
  agent_id: 'agent1',
  timestamp: 1_795_000_000,
  hardware: {
    cpu: {
      model: 'Test CPU',
      cores: 2,
      threads: 4,
      base_frequency_ghz: 2.5,
      max_frequency_ghz: 3.5,
      features: ['sse4_2'],
    },
    memory: { total_bytes: 17_179_869_184, available_bytes: 1, memory_type: '', speed_mhz: 0 },
    disks: [
      {
        device: '/dev/sda1',
        mount_point: '/',
        filesystem: 'ext4',
        total_bytes: 53_687_091_200,
        available_bytes: 40_802_189_312,
        disk_type: 'ssd',
      },
    ],
    architecture: 'amd64',
    core_count: 2,
    thread_count: 4,
  },
  software: {
    os: { name: 'Linux', version: '12', kernel_version: '6.1.0', distribution: 'debian' },
    hostname: 'host1',
    uptime_seconds: 8100,
    packages: [{ name: 'openssl', version: '3.0.15', package_manager: 'dpkg' }],
  },
  network_interfaces: [
    { name: 'eth0', mac_address: '00:11:22:33:44:55', ip_addresses: ['127.0.0.1'], speed_mbps: 1000, is_up: true },
  ],
};

export const history: MetricsHistory = {
  agent_id: 'agent1',
  data_points: [
    { timestamp: 1_795_000_000, values: { 'cpu.usage_percent': 12.5 } },
    { timestamp: 1_795_000_060, values: { 'cpu.usage_percent': 14 } },
  ],
  query_start_timestamp: 1_795_000_000,
  query_end_timestamp: 1_795_000_100,
  total_points: 2,
  truncated: false,
  interval_seconds: 60,
};

export const task: TaskInfo = {
  task_id: 't1',
  agent_id: 'agent1',
  type: 'metrics_start',
  status: 'in_progress',
  created_at: '2026-11-28T10:00:00Z',
  updated_at: '2026-11-28T10:00:01Z',
  message: 'streaming',
  error: '',
  is_final: false,
  interval_seconds: 5,
};
