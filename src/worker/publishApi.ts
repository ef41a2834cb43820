import { analyze, cleanText, createProvider, EngineError, manifestDataDate, PLANNED_LEVELS, publishSite, SERVICES } from '../engine/index';
import type { ApprovedSite } from '../engine/index';
import { asFailure } from './failure';
import { modeKey, requirePackage, sessionFiles, type PackageSession } from './packageSession';
import type { PublishedFiles, PublishRequest, PublishWorkerApi } from './protocol';

/**
 * The public data files of the loaded package, as `npm run cli -- publish` makes them: the
 * package's own policy, a fresh analysis in `req.mode` (walking effort off), the manifest's data
 * date and the approved sites checked as readApprovedSites checks a blueprint file's.
 * `packageFiles`: the package's files (default: the session's kept bytes).
 */
export function publishSession(s: PackageSession, req: PublishRequest, packageFiles = s.files): PublishedFiles {
  const { pkg, policy } = s;
  if (!packageFiles) throw new EngineError('E_MISSING_FILE', { file: 'manifest.json' });
  const byId = new Map(pkg.candidates.map((c) => [c.id, c]));
  const approved: ApprovedSite[] = [];
  req.approved.forEach((a, k) => {
    const candidate = byId.get(a.candidateId);
    if (!candidate) throw new EngineError('E_ARGUMENT', { row: k + 1, field: 'id', detail: 'an approved site must name a candidate of the package' });
    if (approved.some((x) => x.candidate.id === a.candidateId)) return;
    const services = SERVICES.filter((c) => a.services.includes(c));
    if (services.length === 0) throw new EngineError('E_ARGUMENT', { row: k + 1, field: 'services', detail: 'no service listed' });
    const site: ApprovedSite = { candidate, services };
    if (a.level !== undefined) {
      if (!(PLANNED_LEVELS as readonly string[]).includes(a.level))
        throw new EngineError('E_ARGUMENT', { row: k + 1, field: 'level', detail: `must be ${PLANNED_LEVELS.join('|')}` });
      site.level = a.level;
    }
    if (a.publicName !== undefined && a.publicName.trim() !== '') site.publicName = cleanText(a.publicName, 120);
    approved.push(site);
  });
  // the provider the map built for this mode when there is one (the walking graph is reused); the session's mode stays
  const provider = s.providers.get(modeKey(req.mode, false)) ?? createProvider(pkg, req.mode, policy, req.mode === 'network' ? false : undefined);
  const analysis = analyze(pkg, { mode: req.mode, policy, provider });
  const { files, notes } = publishSite({ pkg, analysis, files: packageFiles, approved }, { title: req.title, dataDate: manifestDataDate(pkg.manifest) });
  return { files: Object.fromEntries(files), notes };
}

/** The engine worker's publish call (the header's 发布公众地图). */
export const publishApi: PublishWorkerApi = {
  publishSite: (req) =>
    asFailure(async () => {
      const s = requirePackage();
      return publishSession(s, req, (await sessionFiles(s)).files); // a served package's files are fetched again
    }),
};
