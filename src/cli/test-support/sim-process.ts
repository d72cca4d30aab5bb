/**
 * Test support: the simulator in its own process, so a CLI run in another process talks to it over
 * real sockets and nothing in the test keeps the CLI's event loop alive for it.
 * argv[2]: JSON SimulatorOptions. Prints one JSON line { urls, keys, targets, port }, then serves
 * until SIGTERM.
 */
import { startSimulator } from '../../main/simulator';
import type { SimulatorOptions } from '../../main/simulator/types';

const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions;
const sim = await startSimulator(options);
process.stdout.write(`${JSON.stringify({ urls: sim.urls, keys: sim.keys, targets: sim.control.targets(), port: sim.port })}\n`);
process.on('SIGTERM', () => void sim.close().then(() => process.exit(0)));
