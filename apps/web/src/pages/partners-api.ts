/** The GraphQL calls of the partner finder: suggestions, introduction chains, places and askers. */
import { gql, type Hit } from '../api';
import type { PartnerRequest, PathData, SuggestionsData } from '../model/partners-model';

export interface Places {
  regions: { code: string; name: string; nameSv: string }[];
  municipalities: { code: string; name: string; nameSv: string; regionCode: string }[];
}

export async function fetchPlaces(): Promise<Places> {
  return gql<Places>('{ regions { code name nameSv } municipalities { code name nameSv regionCode } }');
}

const REF = 'id label';

export async function fetchSuggestions(request: PartnerRequest): Promise<SuggestionsData> {
  const data = await gql<{ partnerSuggestions: SuggestionsData }>(
    `query Partners($input: PartnerRequestInput!) { partnerSuggestions(input: $input) {
      asker { id kind label } at existingPartners { ${REF} } similarNetworks { ${REF} }
      gaps { id kind label { fi sv en } networks { ${REF} } share }
      suggestions { score organisation { id label municipalityCode orgKind permanent sector }
        explanation { fi sv en } parts { key value weight } sharedPartners { ${REF} } evidence } } }`,
    { input: request },
  );
  return data.partnerSuggestions;
}

export async function fetchPaths(fromId: string, toId: string, at: string): Promise<PathData[]> {
  const data = await gql<{ introductionPaths: PathData[] }>(
    `query Paths($from: ID!, $to: ID!, $at: Date) { introductionPaths(fromId: $from, toId: $to, at: $at) {
      hops organisations { ${REF} } steps { from { ${REF} } to { ${REF} } via { id kind label } } } }`,
    { from: fromId, to: toId, at },
  );
  return data.introductionPaths;
}

/** Organisations and projects whose name contains the text: who can ask. */
export async function searchAskers(text: string): Promise<Hit[]> {
  const data = await gql<{ search: Hit[] }>('query Askers($text: String!) { search(text: $text, limit: 30) { id kind label } }', { text });
  return data.search.filter((h) => h.kind === 'ORGANISATION' || h.kind === 'PROJECT').slice(0, 10);
}
