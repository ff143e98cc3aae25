/**
 * The worker's counters. The worker and the web server are separate processes, so the worker saves a
 * snapshot in the store (meta `worker_metrics`) after each cycle and the server exposes it on /metrics.
 */
export interface WorkerMetricsSnapshot {
  checks_total: Record<string, number>;
  failures_total: Record<string, number>;
  revisions_total: number;
  cycles_total: number;
  cycle_duration_seconds: number;
  last_success_timestamp_seconds: number;
}

export class WorkerMetrics {
  readonly data: WorkerMetricsSnapshot;

  constructor(previous?: WorkerMetricsSnapshot | null) {
    this.data = previous ?? {
      checks_total: {},
      failures_total: {},
      revisions_total: 0,
      cycles_total: 0,
      cycle_duration_seconds: 0,
      last_success_timestamp_seconds: 0,
    };
  }

  static parse(json: string | null): WorkerMetrics {
    if (!json) return new WorkerMetrics();
    try {
      return new WorkerMetrics(JSON.parse(json) as WorkerMetricsSnapshot);
    } catch {
      return new WorkerMetrics();
    }
  }

  check(result: "changed" | "unchanged" | "not_modified" | "failed"): void {
    this.data.checks_total[result] = (this.data.checks_total[result] ?? 0) + 1;
  }

  failure(kind: string): void {
    this.data.failures_total[kind] = (this.data.failures_total[kind] ?? 0) + 1;
  }

  revision(): void {
    this.data.revisions_total++;
  }

  cycle(durationSeconds: number, succeededAt: Date | null): void {
    this.data.cycles_total++;
    this.data.cycle_duration_seconds = durationSeconds;
    if (succeededAt) this.data.last_success_timestamp_seconds = Math.floor(succeededAt.getTime() / 1000);
  }

  toJSON(): string {
    return JSON.stringify(this.data);
  }
}
