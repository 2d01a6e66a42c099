import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface Machine {
  cpuModel: string;
  logicalCores: number;
  memoryBytes: number;
  os: string;
  kernel: string;
  node: string;
  v8: string;
  curl: string;
  loadAverage: number[];
}

function osName(): string {
  try {
    const match = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (match) return match[1];
  } catch {
    // Not Linux, or no os-release: fall back to the kernel's name below.
  }
  return `${os.type()} ${os.release()}`;
}

function curlVersion(): string {
  try {
    return execFileSync('curl', ['--version'], { encoding: 'utf8', timeout: 5000 }).split('\n')[0].trim();
  } catch {
    return 'not installed';
  }
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    logicalCores: cpus.length,
    memoryBytes: os.totalmem(),
    os: osName(),
    kernel: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    curl: curlVersion(),
    loadAverage: os.loadavg(),
  };
}
