/** The library's partnership measures in the API's shape: every id list beside its names (Evidence). */
import { nameEvidence, type EiCount, type LabelOf, type PartnershipMeasures, type StructureMeasures } from '@verkosto/analytics';

function view(m: StructureMeasures, labelOf: LabelOf) {
  const ties = (ids: string[]) => nameEvidence({ ties: ids }, labelOf);
  const ei = (c: EiCount) => ({ value: c.value, internal: c.internal, external: c.external, internalTies: ties(c.internalTies), externalTies: ties(c.externalTies) });
  const { clustering: c, multiplexity: x } = m;
  return {
    size: m.size,
    ties: m.ties,
    density: m.density,
    components: m.components,
    eiIndex: {
      ...ei(m.eiIndex),
      bySector: m.eiIndex.bySector.map((s) => ({ ...ei(s), sector: s.sector, organisations: nameEvidence({ organisations: s.organisations }, labelOf) })),
    },
    clustering: { transitivity: c.transitivity, averageClustering: c.averageClustering, triangles: c.triangles, triples: c.triples, evidence: ties(c.triangleTies) },
    multiplexity: { value: x.value, multiplex: x.multiplex, ties: x.ties, evidence: ties(x.multiplexTies) },
    evidence: nameEvidence({ organisations: m.organisations, ties: m.tieIds }, labelOf),
  };
}

export function partnershipView(m: PartnershipMeasures, labelOf: LabelOf) {
  const r = m.retention;
  const w = m.withoutProject;
  const ties = (ids: string[]) => nameEvidence({ ties: ids }, labelOf);
  return {
    at: m.at,
    ...view(m, labelOf),
    retention: r && {
      from: r.from,
      to: r.to,
      value: r.value,
      kept: r.keptTies.length,
      lost: r.lostTies.length,
      gained: r.newTies.length,
      keptTies: ties(r.keptTies),
      lostTies: ties(r.lostTies),
      newTies: ties(r.newTies),
    },
    withoutProject: w && { projectId: w.projectId, removedOrganisations: nameEvidence({ organisations: w.removedOrganisations }, labelOf), ...view(w, labelOf) },
  };
}
