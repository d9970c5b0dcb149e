import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const PAGE_BYTES = 4096;

interface ProcessStat {
  command: string;
  /** The stat fields from field 3 (state) on. */
  fields: string[];
}

/** Every live process's /proc stat line, parsed. Linux only; null elsewhere. */
function processStats(): ProcessStat[] | null {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  const stats: ProcessStat[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const close = stat.lastIndexOf(")");
    stats.push({
      command: stat.slice(stat.indexOf("(") + 1, close),
      fields: stat.slice(close + 2).split(" "),
    });
  }
  return stats;
}

/**
 * The /proc stat fields of every live process in a process group, from field 3 (state) on.
 * Servers started `detached` lead their own group, so this is a server's whole cost, whatever
 * launcher (npx, tsx) sits in front of it. Linux only; null elsewhere.
 */
function groupStats(groupId: number): string[][] | null {
  // fields[0] is field 3 (state): pgrp is field 5.
  const stats = processStats();
  return stats && stats.filter(({ fields }) => Number(fields[2]) === groupId).map((s) => s.fields);
}

/** CPU time (user + system, ms) used so far by every live process in a process group. */
export function processGroupCpuMs(groupId: number): number | null {
  const stats = groupStats(groupId);
  if (!stats) return null;
  // utime is field 14, stime 15.
  const ticks = stats.reduce((sum, fields) => sum + Number(fields[11]) + Number(fields[12]), 0);
  return (ticks / TICKS_PER_SECOND) * 1000;
}

/** Resident memory (bytes) of every live process in a process group now. */
export function processGroupRssBytes(groupId: number): number | null {
  const stats = groupStats(groupId);
  if (!stats) return null;
  // rss is field 24, in pages.
  return stats.reduce((sum, fields) => sum + Number(fields[21]), 0) * PAGE_BYTES;
}

/**
 * CPU time (user + system, ms) used so far by every live process whose command name is `name`
 * (as /proc shows it, e.g. "postgres", "redis-server"): what the database and KV spent. Linux
 * only; null elsewhere.
 */
export function commandCpuMs(name: string): number | null {
  const stats = processStats();
  if (!stats) return null;
  // utime is field 14, stime 15.
  const ticks = stats
    .filter(({ command }) => command === name)
    .reduce((sum, { fields }) => sum + Number(fields[11]) + Number(fields[12]), 0);
  return (ticks / TICKS_PER_SECOND) * 1000;
}
