/** @verkosto/analytics: pure measures over a GraphSnapshot (DESIGN §5). No I/O, no framework. */
export { activeOrganisations, indexCollaborations, tieGraph, tiesOf, type CollaborationIndex, type DateWindow, type Tie, type TieGraph, type TieOptions, type When } from './ties';
export {
  ESTIMATE_CONFIDENCE,
  EXACT_ORGANISATION_LIMIT,
  EXACT_TIE_LIMIT,
  metricsOfTies,
  metricsOfTiesAsync,
  networkMetrics,
  networkMetricsAsync,
  pathCentralitiesAsync,
  pathCentralitiesOf,
  toGraphology,
  type CentralityInfo,
  type CentralityMode,
  type ParallelOptions,
  type MetricsOptions,
  type NetworkMetrics,
  type OrganisationMetrics,
} from './metrics';
export { labelsOf, lazilyNamed, nameEvidence, namedTie, type IdEvidence, type LabelOf, type NamedEvidence, type NamedItem, type NamedTie } from './evidence';
export { CentralityPool, centralityPool } from './centrality-pool';
export { MetricsCache } from './metrics-cache';
export { growth, type GrowthInterval, type GrowthPeriod } from './growth';
export {
  DEFAULT_ROOTING_WEIGHTS,
  MISSING_DATA_REASONS,
  ROOTING_KEYS,
  ROOTING_REASONS,
  rooting,
  rootingReports,
  type CoordinationRun,
  type RootingEvidence,
  type RootingKey,
  type RootingMilestone,
  type RootingOptions,
  type RootingPart,
  type RootingReason,
  type RootingReport,
  type RootingScope,
} from './rooting';
export {
  DEFAULT_PARTNER_WEIGHTS,
  INTRODUCTION_MAX_HOPS,
  PARTNER_LIMIT_MAX,
  PARTNER_PART_KEYS,
  introductionPaths,
  latestDate,
  partnerSuggestions,
  type IntroductionPath,
  type IntroductionStep,
  type PartnerGap,
  type PartnerOptions,
  type PartnerPart,
  type PartnerPartKey,
  type PartnerRequest,
  type PartnerResult,
  type PartnerSuggestion,
} from './partners';
