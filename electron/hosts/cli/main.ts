#!/usr/bin/env node
/** Process entry of the `gatehouse` command (bundled to dist/cli/gatehouse.cjs). */
import { runCli } from './gatehouse';

void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
