import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import {
  requireSandbox,
  resetBubblewrapProbe,
  runSandboxed,
  SandboxUnavailableError,
} from '../../../src/agent/sandbox.ts';
import { readTranscript, TranscriptWriter } from '../../../src/agent/transcript.ts';
import { redactSecrets } from '../../../src/secrets/scan.ts';

const PATH = process.env['PATH'];
afterEach(() => {
  process.env['PATH'] = PATH;
  resetBubblewrapProbe();
});

/** Hides bwrap from this process, as on a machine without bubblewrap. */
function withoutBubblewrap(): void {
  process.env['PATH'] = mkdtempSync(join(tmpdir(), 'ensemble-nobwrap-'));
  resetBubblewrapProbe();
}

test('commands that require the sandbox fail closed when bubblewrap is missing, saying how to fix it', async () => {
  withoutBubblewrap();
  const cwd = mkdtempSync(join(tmpdir(), 'ensemble-ws-'));
  const run = runSandboxed({
    command: 'echo should-not-run',
    cwd,
    timeoutMs: 5_000,
    maxOutputBytes: 1_000,
    isolation: 'required',
  });
  await expect(run).rejects.toBeInstanceOf(SandboxUnavailableError);
  await expect(run).rejects.toThrow(
    /bubblewrap not found\. .*install it \(apt-get install bubblewrap.*or set `sandbox: none`/,
  );
  await expect(requireSandbox('required')).rejects.toBeInstanceOf(SandboxUnavailableError);
  // The fix it names is narrow: a profile for bwrap, never the switch that lifts the restriction for every program.
  await expect(run).rejects.toThrow(/AppArmor profile that lets bwrap alone create user namespaces/);
  await expect(run).rejects.not.toThrow(/sysctl/);
});

test('an explicit opt-out still runs the command, with the clean environment', async () => {
  withoutBubblewrap();
  process.env['PATH'] = `${process.env['PATH']}:/usr/bin:/bin`;
  await expect(requireSandbox('none')).resolves.toBeUndefined();
  const cwd = mkdtempSync(join(tmpdir(), 'ensemble-ws-'));
  const result = await runSandboxed({
    command: 'echo ran',
    cwd,
    timeoutMs: 5_000,
    maxOutputBytes: 1_000,
    isolation: 'none',
  });
  expect(result).toMatchObject({ exitCode: 0, sandboxed: false });
  expect(result.output).toContain('ran');
});

test('transcripts blank the credentials of the run and credential-shaped strings', () => {
  const secret = 'model-key-canary-0123456789';
  const token = `ghs_${'a'.repeat(36)}`;
  const file = join(mkdtempSync(join(tmpdir(), 'ensemble-transcript-')), 'transcript.jsonl');
  const writer = new TranscriptWriter(file, (line) => redactSecrets(line, [secret]));
  writer.write({
    type: 'start',
    agent: 'code:x',
    stage: 'code',
    model: 'openai:gpt-5',
    tools: [],
    at: '2026-11-21T00:00:00Z',
  });
  writer.write({
    type: 'end',
    agent: 'code:x',
    status: 'stopped',
    stopReason: `saw ${secret} and ${token}`,
    turns: 1,
    at: '2026-11-21T00:00:01Z',
  });
  const end = readTranscript(file).at(-1);
  expect(end).toMatchObject({ stopReason: 'saw [redacted secret] and [redacted github-token]' });
});

test("inside bubblewrap the user's home directory is empty but for the toolchains on PATH", async () => {
  const home = mkdtempSync(join(tmpdir(), 'ensemble-fakehome-'));
  const HOME = process.env['HOME'];
  writeFileSync(join(home, '.bash_history'), 'curl -H "Authorization: secret-history-canary"\n');
  mkdirSync(join(home, 'tools', 'bin'), { recursive: true });
  writeFileSync(join(home, 'tools', 'bin', 'mytool'), '#!/bin/sh\necho toolchain-ok\n');
  chmodSync(join(home, 'tools', 'bin', 'mytool'), 0o755);
  process.env['HOME'] = home;
  process.env['PATH'] = `${join(home, 'tools', 'bin')}:${PATH}`;
  try {
    const cwd = mkdtempSync(join(tmpdir(), 'ensemble-ws-'));
    const result = await runSandboxed({
      command: `cat ${home}/.bash_history; ls -a ${home}; mytool`,
      cwd,
      timeoutMs: 10_000,
      maxOutputBytes: 10_000,
      isolation: 'required',
    });
    expect(result.sandboxed).toBe(true);
    expect(result.output).not.toContain('secret-history-canary');
    expect(result.output).toContain('toolchain-ok');
    expect(result.output).toMatch(/No such file or directory/);
  } finally {
    process.env['HOME'] = HOME;
  }
});

test("rustup's proxies on PATH find their toolchains inside bubblewrap; cargo's credentials stay hidden", async () => {
  // The layout rustup makes (and GitHub-hosted runners have): proxies in ~/.cargo/bin that read
  // the toolchain from RUSTUP_HOME, by default ~/.rustup — a directory no PATH entry points into.
  const home = mkdtempSync(join(tmpdir(), 'ensemble-rusthome-'));
  const HOME = process.env['HOME'];
  const saved = { RUSTUP_HOME: process.env['RUSTUP_HOME'], CARGO_HOME: process.env['CARGO_HOME'] };
  mkdirSync(join(home, '.rustup', 'toolchains', 'stable', 'bin'), { recursive: true });
  writeFileSync(join(home, '.rustup', 'toolchains', 'stable', 'bin', 'version'), 'cargo 1.99.0 (fake)\n');
  mkdirSync(join(home, '.cargo', 'bin'), { recursive: true });
  const proxy = join(home, '.cargo', 'bin', 'fakecargo');
  writeFileSync(
    proxy,
    '#!/bin/sh\n' +
      // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a JS template
      'home="${RUSTUP_HOME:-$HOME/.rustup}"\n' +
      'cat "$home/toolchains/stable/bin/version" 2>/dev/null || echo "rustup could not choose a version"\n',
  );
  chmodSync(proxy, 0o755);
  writeFileSync(join(home, '.cargo', 'credentials.toml'), '[registry]\ntoken = "cargo-token-canary"\n');
  process.env['HOME'] = home;
  delete process.env['RUSTUP_HOME'];
  delete process.env['CARGO_HOME'];
  process.env['PATH'] = `${join(home, '.cargo', 'bin')}:${PATH}`;
  try {
    const cwd = mkdtempSync(join(tmpdir(), 'ensemble-ws-'));
    const result = await runSandboxed({
      command: `fakecargo; echo "RUSTUP_HOME=$RUSTUP_HOME"; cat "$CARGO_HOME/credentials.toml"`,
      cwd,
      timeoutMs: 10_000,
      maxOutputBytes: 10_000,
      isolation: 'required',
    });
    expect(result.sandboxed).toBe(true);
    expect(result.output).toContain('cargo 1.99.0 (fake)');
    expect(result.output).toContain(`RUSTUP_HOME=${join(home, '.rustup')}`);
    expect(result.output).not.toContain('cargo-token-canary');
  } finally {
    process.env['HOME'] = HOME;
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});
