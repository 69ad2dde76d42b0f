import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the server and the agent are, from the environment the ear module's build sets. */
export interface LiveEnvironment {
  baseURL: string;
  grpcTarget: string;
  agentJar: string;
  agentToken: string;
  logDir: string;
  /** The server's test user, when it requires login (NODELINK_USER / NODELINK_PASSWORD). */
  auth?: { username: string; password: string };
}

export function liveEnvironment(): LiveEnvironment {
  const missing = ['NODELINK_BASE_URL', 'NODELINK_GRPC_TARGET', 'NODELINK_AGENT_JAR'].filter(
    (name) => !process.env[name],
  );
  if (missing.length > 0) {
    throw new Error(
      `${missing.join(', ')} not set: this test runs from the ear module's integration-test ` +
        'phase (./mvnw verify), against the Liberty server and agent jar the build provides',
    );
  }
  const agentJar = process.env.NODELINK_AGENT_JAR!;
  if (!existsSync(agentJar)) {
    throw new Error(`agent jar ${agentJar} is missing: build agent-jar first (./mvnw verify)`);
  }
  return {
    baseURL: process.env.NODELINK_BASE_URL!,
    grpcTarget: process.env.NODELINK_GRPC_TARGET!,
    agentJar,
    // The test Liberty accepts any agent id with this token (`*:shared-secret`).
    agentToken: process.env.NODELINK_AGENT_TOKEN ?? 'shared-secret',
    logDir: process.env.NODELINK_IT_LOG_DIR ?? 'build/it-agents',
    auth: process.env.NODELINK_USER
      ? { username: process.env.NODELINK_USER, password: process.env.NODELINK_PASSWORD ?? '' }
      : undefined,
  };
}

/** A real NodeLink agent process under a unique id; its output goes to `<logDir>/<id>.log`. */
export class AgentProcess {
  private exited = false;

  private constructor(
    readonly agentId: string,
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    child.once('exit', () => {
      this.exited = true;
    });
    // A test run that dies must not leave the agent behind.
    process.once('exit', () => this.child.kill('SIGKILL'));
  }

  static start(env: LiveEnvironment, prefix: string): AgentProcess {
    const agentId = `${prefix}-${randomUUID().slice(0, 8)}`;
    mkdirSync(env.logDir, { recursive: true });
    const logFile = join(env.logDir, `${agentId}.log`);
    const log = createWriteStream(logFile);
    const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
    const child = spawn(
      java,
      [
        '-Xmx64m',
        '-XX:+UseSerialGC',
        '-XX:TieredStopAtLevel=1',
        '-jar',
        env.agentJar,
        '--server',
        env.grpcTarget,
        '--agent-id',
        agentId,
        '--agent-token',
        env.agentToken,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    return new AgentProcess(agentId, child, logFile);
  }

  get alive(): boolean {
    return !this.exited;
  }

  output(): string {
    try {
      return readFileSync(this.logFile, 'utf8');
    } catch (error) {
      return `(no log: ${String(error)})`;
    }
  }

  /** SIGTERM, then SIGKILL after 10 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * Polls `check` until it returns a truthy value (which it resolves with) or the time is up; an
 * exception from `check` counts as "not yet" and is reported if time runs out.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeoutMs = 60_000, pollMs = 250, failFast }: { timeoutMs?: number; pollMs?: number; failFast?: () => string | undefined } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const fatal = failFast?.();
    if (fatal) throw new Error(`${what}: ${fatal}`);
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}` +
          (lastError ? `; last error: ${String(lastError)}` : ''),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
