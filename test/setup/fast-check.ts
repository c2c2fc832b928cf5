// Every property test runs from one fixed seed, so a run is reproducible and a failure stays on the next run.
// fast-check prints the seed (and the path to the counterexample) in every failure message; FC_SEED tries another.
import fc from 'fast-check';

export const FAST_CHECK_SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_251_130;

fc.configureGlobal({ seed: FAST_CHECK_SEED });
