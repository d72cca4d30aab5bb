/**
 * The simulator in its own process for the benchmarks, so the poll-cycle CPU
 * figures measure Pulsebar's side only. argv[2]: JSON { origin, speed, options }.
 * Prints one JSON line with urls, keys and targets, then serves until killed.
 */
import { startSimulator } from '../../src/main/simulator';
import type { SimulatorOptions } from '../../src/main/simulator/types';
import { FastClock } from './fast-clock';

const { origin, speed, options } = JSON.parse(process.argv[2] ?? '{}') as { origin: number; speed: number; options: SimulatorOptions };
const sim = await startSimulator({ ...options, clock: new FastClock(origin, speed) });
process.stdout.write(`${JSON.stringify({ urls: sim.urls, keys: sim.keys, targets: sim.control.targets(), port: sim.port })}\n`);
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
