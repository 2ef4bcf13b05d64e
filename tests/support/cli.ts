// The operator's command line as a real process against the test database (the same environment
// as the test, so it reaches the same database and fakes).
import { runScript } from "./run-script";

export function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runScript("scripts/cli.ts", args);
}
