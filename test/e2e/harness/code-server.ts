// Starts code-server (VS Code 1.100.3 served on 127.0.0.1) from test/e2e/node_modules with a fresh
// profile, extensions dir and XDG dirs per run, so nothing from the machine leaks into a run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/corpora';
import { tempDirRemovedAtExit } from '../../helpers/temp-dir';

export const E2E_DIR = join(REPO_ROOT, 'test', 'e2e');
const CODE_SERVER = join(E2E_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Why the environment cannot run the suite, naming the step that fixes it; undefined when it can. */
export function missingPrerequisite(): string | undefined {
  if (!existsSync(CODE_SERVER)) return `code-server is not installed: run test/e2e/install.sh (missing ${CODE_SERVER})`;
  if (!existsSync('/usr/bin/chromium')) return 'Debian chromium is not installed: apt-get install -y chromium';
  if (!existsSync(join(E2E_DIR, 'node_modules', 'playwright-core'))) return 'playwright-core is not installed: run test/e2e/install.sh';
  return undefined;
}

export interface CodeServer {
  port: number;
  url: string;
  /** Everything code-server printed, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
}

export interface Profile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  env: NodeJS.ProcessEnv;
}

/** A throw-away profile: user settings, extensions dir and XDG dirs under one temp folder. */
export function freshProfile(settings: Record<string, unknown>): Profile {
  // Removed when the test process exits: a run leaves the temp directory as it found it.
  const root = tempDirRemovedAtExit('palisade-e2e-');
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const env = { ...process.env, XDG_CONFIG_HOME: join(root, 'xdg-config'), XDG_DATA_HOME: join(root, 'xdg-data'), XDG_CACHE_HOME: join(root, 'xdg-cache') };
  return { root, userDataDir, extensionsDir, env };
}

export function installExtension(profile: Profile, vsix: string): void {
  const result = spawnSync(process.execPath, [CODE_SERVER, '--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir, '--install-extension', vsix], {
    env: profile.env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`code-server --install-extension failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/**
 * `trusted: false` leaves workspace trust on (no `--disable-workspace-trust`): with the profile's
 * `security.workspace.trust.startupPrompt: never` the folder opens in Restricted Mode.
 */
export async function startCodeServer(profile: Profile, workspace: string, extraEnv: NodeJS.ProcessEnv = {}, trusted = true): Promise<CodeServer> {
  const port = await freePort();
  const args = [
    CODE_SERVER, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    ...(trusted ? ['--disable-workspace-trust'] : []),
    '--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir, workspace,
  ];
  // Its own process group, so stopping it also stops the extension host and language server it started.
  const child = spawn(process.execPath, args, { env: { ...profile.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await waitFor(() => /HTTP server listening/.test(output), child, 60_000, () => output);
  return { port, url: `http://127.0.0.1:${port}`, log: () => output, stop: () => stopProcess(child) };
}

async function waitFor(ready: () => boolean, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log()}`);
    if (Date.now() > deadline) throw new Error(`code-server did not start within ${timeoutMs} ms:\n${log()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group is already gone
    }
  };
  const done = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
  });
  signalGroup('SIGTERM');
  return done.then(() => {
    // Grandchildren may still hold the pipes; do not let them keep the test process alive.
    signalGroup('SIGKILL');
    child.stdout?.destroy();
    child.stderr?.destroy();
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
