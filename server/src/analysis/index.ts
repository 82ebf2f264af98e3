/**
 * The analysis engine of topo: plain data in (a `Model`), plain data out. No I/O, no
 * language machinery. Never throws on a bad model: unknown references are ignored, the first
 * of duplicate names wins.
 *
 *   analyze(model)            SPOFs, blast radii, availability, findings
 *   simulate(model, failed)   the state under a failure set, with outage lengths and reasons
 *
 * For repeated work on one model (the language server), compile once with `compileModel`
 * and call `analyzeCompiled` / `simulateCompiled`: the baseline state is kept with it.
 */

import { analyzeCompiled, type AnalyzeOptions } from './analyze.js';
import { compileModel } from './compile.js';
import type { Model } from './model.js';
import type { AnalysisResult, SimulationResult } from './results.js';
import { simulateCompiled } from './simulate.js';

export function analyze(model: Model, options?: AnalyzeOptions): AnalysisResult {
    return analyzeCompiled(compileModel(model), options);
}

export function simulate(model: Model, failed: string[]): SimulationResult {
    return simulateCompiled(compileModel(model), failed);
}

export { Analysis, analyzeCompiled, analyzeFindings, knownAvailabilities, type AnalyzeOptions, type KnownAvailability } from './analyze.js';
export { BufferPool, releaseArrays } from './buffer-pool.js';
export { outagesCompiled, simulateCompiled, type SimulationDetails } from './simulate.js';
export { buildTimeline, timelineStepAt, type TimelineInput, type TimelinePhase } from './timeline.js';
export { compileModel, type CompiledModel } from './compile.js';
export { prepare, type Prepared } from './prepared.js';
export { pathText } from './paths.js';
export { availabilityBasis, type AvailabilityFrom } from './availability-sources.js';
export { formatUsers, formatDuration, formatMinutes, formatPercent, formatDowntime } from '../common/format.js';
export { applyAcceptances, acceptableCodes, isAcceptableCode, isCalendarDate } from './acceptances.js';
export { drillFindings, runDrill, type DrillResult, type ExpectationResult } from './drills.js';
export * from './model.js';
export * from './results.js';
