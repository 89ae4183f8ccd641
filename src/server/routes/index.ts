import type { Route } from '../router.js';
import type { Workbench } from '../workbench.js';
import { agreementRoutes } from './agreement.js';
import { codebookRoutes } from './codebook.js';
import { codingRoutes } from './codings.js';
import { documentRoutes } from './documents.js';
import { memoRoutes } from './memos.js';
import { projectRoutes } from './project.js';
import { reportRoutes } from './report.js';
import { retrievalRoutes } from './retrieval.js';
import { reviewRoutes } from './review.js';

/**
 * Every route of the workbench API (documented in docs/serve.md).
 * @example new Router(workbenchRoutes({ store, name: 'study.qda' }))
 */
export function workbenchRoutes(wb: Workbench): Route[] {
  return [
    ...projectRoutes(wb),
    ...documentRoutes(wb),
    ...codingRoutes(wb),
    ...memoRoutes(wb),
    ...reviewRoutes(wb),
    ...codebookRoutes(wb),
    ...retrievalRoutes(wb),
    ...agreementRoutes(wb),
    ...reportRoutes(wb),
  ];
}
