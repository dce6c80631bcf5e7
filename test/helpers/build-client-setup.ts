import { buildClient } from '../../scripts/build-client';

/** Jest global set-up of the browser project: the pages must run the current browser code. */
export default async function buildBeforeBrowserTests(): Promise<void> {
  await buildClient();
}
