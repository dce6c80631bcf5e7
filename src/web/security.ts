import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * The origin pattern of a configured base-map tile URL (`STEDSVALG_TILE_URL`, e.g.
 * `https://{s}.tiles.example.no/{z}/{x}/{y}.png` → `https://*.tiles.example.no`), or null.
 */
export function tileSource(url: string | undefined): string | null {
  if (!url) return null;
  const m = /^(https?:\/\/[^/]+)/.exec(url.replace(/\{s\}/g, '*'));
  return m ? m[1] : null;
}

/**
 * Security headers (helmet) with a content security policy the map works under: scripts only from
 * this origin (no inline scripts anywhere), styles from this origin plus inline style attributes
 * (Leaflet and the legend set element styles), images from this origin, data: URIs and the
 * configured tile server, no framing, forms only to this origin.
 */
export function securityHeaders(): RequestHandler {
  const tiles = tileSource(process.env.STEDSVALG_TILE_URL);
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(tiles ? [tiles] : [])],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: process.env.STEDSVALG_SECURE_COOKIES === '1',
  });
}
