import { registerEnumType } from '@nestjs/graphql';
import {
  ACTIVITY_TYPES,
  DUPLICATE_REASONS,
  CHANGE_ENTITY_KINDS,
  CHANGE_OPERATIONS,
  GRAPH_EDGE_KINDS,
  GRAPH_NODE_KINDS,
  ORGANISATION_KINDS,
  PARTICIPATION_ROLES,
  PARTICIPATION_TARGETS,
  SECTORS,
  TIE_SOURCE_KINDS,
  VISIBILITIES,
} from '@verkosto/domain';

/** GraphQL enums are built from the domain's value lists, so the two cannot drift apart. */
const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const OrganisationKindEnum = asEnum(ORGANISATION_KINDS);
export const SectorEnum = asEnum(SECTORS);
export const ActivityTypeEnum = asEnum(ACTIVITY_TYPES);
export const ParticipationRoleEnum = asEnum(PARTICIPATION_ROLES);
export const ParticipationTargetEnum = asEnum(PARTICIPATION_TARGETS);
export const VisibilityEnum = asEnum(VISIBILITIES);
export const GraphNodeKindEnum = asEnum(GRAPH_NODE_KINDS);
export const GraphEdgeKindEnum = asEnum(GRAPH_EDGE_KINDS);
export const DuplicateReasonEnum = asEnum(DUPLICATE_REASONS);
export const SearchHitKindEnum = asEnum(['ORGANISATION', 'PROJECT', 'ACTIVITY', 'NETWORK'] as const);
export const TieSourceKindEnum = asEnum(TIE_SOURCE_KINDS);
export const ChangeOperationEnum = asEnum(CHANGE_OPERATIONS);
export const ChangeEntityKindEnum = asEnum(CHANGE_ENTITY_KINDS);

registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind' });
registerEnumType(SectorEnum, { name: 'Sector' });
registerEnumType(ActivityTypeEnum, { name: 'ActivityType' });
registerEnumType(ParticipationRoleEnum, {
  name: 'ParticipationRole',
  description:
    'Projects: LEAD, CO_IMPLEMENTER, FUNDER, PARTNER, STEERING_GROUP. Activities: ORGANISER, PARTNER, FUNDER, VENUE, PARTICIPANT. Networks: MEMBER, COORDINATOR, BUDGET_HOLDER.',
});
registerEnumType(ParticipationTargetEnum, { name: 'ParticipationTarget' });
registerEnumType(VisibilityEnum, { name: 'Visibility' });
registerEnumType(GraphNodeKindEnum, { name: 'GraphNodeKind' });
registerEnumType(GraphEdgeKindEnum, { name: 'GraphEdgeKind' });
registerEnumType(SearchHitKindEnum, { name: 'SearchHitKind' });
registerEnumType(DuplicateReasonEnum, { name: 'DuplicateReason' });
registerEnumType(TieSourceKindEnum, {
  name: 'TieSourceKind',
  description: 'MANUAL: entered by hand (ref: who). IMPORT: from a file (ref: file#row). REGISTRY: from a registry record (ref: registry:record). DEMO: the demo data.',
});
registerEnumType(ChangeOperationEnum, { name: 'ChangeOperation' });
registerEnumType(ChangeEntityKindEnum, { name: 'ChangeEntityKind' });
