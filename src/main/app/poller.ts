/**
 * The poller moved to src/main/polling/ (scheduler, cycle outcome, status text); this keeps the
 * app's and the CLI's imports working while the core is being split.
 */
export * from '../polling/poller';
