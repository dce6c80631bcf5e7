/** Entry of the workspace page (`/`, `/scenarios/:id`): built to /static/workspace.js. */
import { readPageData } from '../core/page-data';
import type { WorkspacePageData } from '../page-types';
import { Workspace } from '../workspace/workspace';

const page = readPageData<WorkspacePageData>();
if (page) void new Workspace(page).start();
