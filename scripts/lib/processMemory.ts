/**
 * Memory of the Chromium processes a script started, read from Linux's /proc (Node only; used
 * by the UI benchmark to report tab memory, not only the main thread's JS heap).
 *
 * Chromium runs a page in a renderer process (the page's main thread and its dedicated Web
 * Workers are threads of it: the engine worker's heap is in there) and draws through the GPU
 * process (with SwiftShader, the software WebGL, its buffers and textures live in ordinary
 * memory). The other processes (browser, zygotes, network and storage services) serve every tab.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** One process: its pid, Chromium process type (`--type=`, 'browser' without one) and memory, MB. */
export interface ProcessMemory {
  pid: number;
  type: string;
  /** Resident set size (VmRSS), MB: counts pages shared with other processes in full. */
  rssMB: number;
  /** Proportional set size (smaps_rollup Pss), MB: shared pages split between their users; null where unreadable. */
  pssMB: number | null;
}

const MB = 1024; // /proc reports kB

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended meanwhile, or /proc is not there
  }
}

/** Parent pid of every process (from /proc/<pid>/stat; the command name may hold spaces and parentheses). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return out;
  }
  for (const d of pids) {
    const stat = readText(`/proc/${d}/stat`);
    if (!stat) continue;
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid ...
    out.set(Number(d), Number(rest[1]));
  }
  return out;
}

const kB = (text: string | null, field: string): number | null => {
  const m = text?.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return m ? Number(m[1]) : null;
};

/**
 * Memory of every Chromium process descending from `rootPid` (default: this process), by
 * process. Empty where /proc is missing (not Linux).
 */
export function chromiumProcesses(rootPid = process.pid): ProcessMemory[] {
  const ppid = parents();
  const children = new Map<number, number[]>();
  for (const [pid, p] of ppid) children.set(p, [...(children.get(p) ?? []), pid]);
  const out: ProcessMemory[] = [];
  const stack = [...(children.get(rootPid) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    stack.push(...(children.get(pid) ?? []));
    // Chromium's zygote children rewrite their title: one string of space-separated arguments
    const cmd = (readText(`/proc/${pid}/cmdline`) ?? '').split(/[\0 ]/).filter(Boolean);
    const exe = cmd[0]?.split('/').pop() ?? '';
    if (!/^chrom/i.test(exe)) continue; // crashpad handlers and the /usr/bin/chromium shell wrapper are not processes of the page
    const type = cmd.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
    const rss = kB(readText(`/proc/${pid}/status`), 'VmRSS');
    if (rss === null) continue;
    const pss = kB(readText(`/proc/${pid}/smaps_rollup`), 'Pss');
    out.push({ pid, type, rssMB: Math.round(rss / MB), pssMB: pss === null ? null : Math.round(pss / MB) });
  }
  return out.sort((a, b) => a.pid - b.pid);
}

/** What one open tab costs: its renderer (with its workers) and the GPU process, MB. */
export interface TabMemory {
  /** Renderer + GPU process, PSS where readable (else RSS), MB. */
  tabMB: number;
  /** Renderer + GPU process, RSS (shared libraries counted in full), MB. */
  tabRssMB: number;
  rendererMB: number;
  gpuMB: number;
  /** All Chromium processes of this script, PSS (else RSS), MB. */
  allMB: number;
  /** Number of renderer processes seen (the spare one Chromium keeps for the next navigation included). */
  renderers: number;
}

/**
 * The tab's memory, assuming one page is open: its renderer is the largest renderer process
 * (Chromium may keep a small spare renderer ready for the next navigation); the GPU process
 * draws for it alone. Null when no renderer is found (not Linux, or the browser is not ours).
 */
export function tabMemory(procs: ProcessMemory[] = chromiumProcesses()): TabMemory | null {
  const size = (p: ProcessMemory) => p.pssMB ?? p.rssMB;
  const renderers = procs.filter((p) => p.type === 'renderer');
  if (!renderers.length) return null;
  const renderer = renderers.reduce((a, b) => (size(b) > size(a) ? b : a));
  const gpus = procs.filter((p) => p.type === 'gpu-process');
  const gpu = gpus.reduce((s, p) => s + size(p), 0);
  return {
    tabMB: size(renderer) + gpu,
    tabRssMB: renderer.rssMB + gpus.reduce((s, p) => s + p.rssMB, 0),
    rendererMB: size(renderer),
    gpuMB: gpu,
    allMB: procs.reduce((s, p) => s + size(p), 0),
    renderers: renderers.length,
  };
}
