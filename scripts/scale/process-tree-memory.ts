/**
 * Peak memory of a whole process tree: every `interval` ms, the resident set
 * of a process and all its descendants (read from /proc on Linux), summed.
 * A build runs `astro build` and Pagefind's indexer as child processes, so
 * the largest single process says little about what a machine needs; the
 * sum at the worst moment does.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeMemory {
  /** Largest sum of RSS over the tree seen at one sample, in bytes. */
  peakBytes: number;
  /** Largest RSS of each command (by name) at any sample, in bytes. */
  peakByCommand: Record<string, number>;
  samples: number;
}

const PAGE = 4096;

interface Proc {
  pid: number;
  ppid: number;
  command: string;
  rss: number;
}

function readProcs(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command sits in parentheses and may hold spaces; fields after it are space-separated.
      const close = stat.lastIndexOf(')');
      const command = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      out.push({ pid: Number(name), ppid: Number(fields[1]), command: role(name, command), rss: Number(fields[21]) * PAGE });
    } catch {
      // the process ended between the listing and the read
    }
  }
  return out;
}

/** A process's name, with the script it runs for `node` ("node astro.mjs"), so a build's Node processes are told apart. */
function role(pid: string, command: string): string {
  if (command !== 'node' && command !== 'MainThread') return command;
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const script = args.slice(1).find((a) => !a.startsWith('-'));
    return script ? `node ${script.split('/').at(-1)}` : command;
  } catch {
    return command;
  }
}

/** RSS of `root` and its descendants now: the sum and each process. */
export function treeRss(root: number): { total: number; processes: Proc[] } {
  const procs = readProcs();
  const children = new Map<number, Proc[]>();
  for (const p of procs) {
    const list = children.get(p.ppid);
    if (list) list.push(p);
    else children.set(p.ppid, [p]);
  }
  const inTree: Proc[] = [];
  const stack = procs.filter((p) => p.pid === root);
  while (stack.length > 0) {
    const p = stack.pop();
    if (!p) break;
    inTree.push(p);
    stack.push(...(children.get(p.pid) ?? []));
  }
  return { total: inTree.reduce((sum, p) => sum + p.rss, 0), processes: inTree };
}

/** Sample the tree under `root` until `stop()` is called; resolves with the peaks. */
export function watchTreeMemory(root: number, interval = 200): { stop: () => TreeMemory } {
  const result: TreeMemory = { peakBytes: 0, peakByCommand: {}, samples: 0 };
  const sample = () => {
    const { total, processes } = treeRss(root);
    result.samples++;
    if (total > result.peakBytes) result.peakBytes = total;
    for (const p of processes) {
      if ((result.peakByCommand[p.command] ?? 0) < p.rss) result.peakByCommand[p.command] = p.rss;
    }
  };
  sample();
  const timer = setInterval(sample, interval);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return result;
    },
  };
}
