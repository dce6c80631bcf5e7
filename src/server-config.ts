/**
 * Where the server listens, from the environment: `HOST` (default 127.0.0.1: behind a reverse
 * proxy on the same machine, which is how the app is meant to be deployed; set `HOST=0.0.0.0` to
 * listen on every interface) and `PORT` (default 3000).
 * @throws Error naming PORT when it is not a port number
 */
export function listenConfig(env: NodeJS.ProcessEnv = process.env): { host: string; port: number } {
  const host = env.HOST?.trim() || '127.0.0.1';
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0–65535), got "${env.PORT}"`);
  return { host, port };
}
