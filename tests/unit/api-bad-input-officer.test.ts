// Bad requests for the officer console's lists: credentials, parties, paths and methods.
import { corpus, credentials, endpointCases, type Req } from './helpers/corpus.js';
import { buildWorld, officer } from './helpers/world.js';

const w = await buildWorld();

for (const what of ['applications', 'licences', 'ratings', 'reports']) {
  const req: Req = { method: 'GET', path: `/v1/officer/${what}`, token: officer('pudong-amr') };
  corpus(
    `GET /v1/officer/${what}`,
    w,
    // Applicants, holders and reporters are not officers.
    endpointCases(req, w, { parties: credentials(w, []), methods: ['GET'] }),
    { valid: () => req, fresh: buildWorld },
  );
}
