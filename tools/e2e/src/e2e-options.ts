export interface EndToEndOptions {
  orders: number;
  /** A random service replica is SIGKILLed (and restarted) this often; 0 turns the kills off. */
  killIntervalMs: number;
  restartBroker: boolean;
  restartPostgres: boolean;
  /** Sandbox faults: 503s, 429 bursts, latency, duplicated feed entries, early token expiry. */
  faults: boolean;
  /** How long the run may take before the checks give up waiting. */
  timeoutMs: number;
  /** Pause between an order's commands (the warehouse's pace). */
  stepDelayMs: number;
  seed: string;
}

export const DEFAULT_OPTIONS: EndToEndOptions = {
  orders: 2000,
  killIntervalMs: 5000,
  restartBroker: true,
  restartPostgres: true,
  faults: true,
  timeoutMs: 20 * 60_000,
  stepDelayMs: 200,
  seed: `e2e-${Date.now()}`,
};

/** Options from E2E_* variables (npm run e2e), the defaults for what is not set. */
export function optionsFromEnvironment(env: NodeJS.ProcessEnv): EndToEndOptions {
  const number = (name: string, fallback: number): number => (env[name] === undefined ? fallback : Number(env[name]));
  const flag = (name: string, fallback: boolean): boolean => (env[name] === undefined ? fallback : env[name] === 'true');
  return {
    orders: number('E2E_ORDERS', DEFAULT_OPTIONS.orders),
    killIntervalMs: number('E2E_KILL_INTERVAL_MS', DEFAULT_OPTIONS.killIntervalMs),
    restartBroker: flag('E2E_RESTART_BROKER', DEFAULT_OPTIONS.restartBroker),
    restartPostgres: flag('E2E_RESTART_POSTGRES', DEFAULT_OPTIONS.restartPostgres),
    faults: flag('E2E_FAULTS', DEFAULT_OPTIONS.faults),
    timeoutMs: number('E2E_TIMEOUT_MS', DEFAULT_OPTIONS.timeoutMs),
    stepDelayMs: number('E2E_STEP_DELAY_MS', DEFAULT_OPTIONS.stepDelayMs),
    seed: env['E2E_SEED'] ?? DEFAULT_OPTIONS.seed,
  };
}
