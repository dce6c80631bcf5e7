import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Answers requests that Node's HTTP parser cannot read at all (a body cut off before its
 * Content-Length, malformed headers) with a 400 that says why, in both languages (the request's
 * language is unknown at this point), instead of a bare "400 Bad Request".
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const reason = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
    const body = JSON.stringify({
      error: {
        code: 'unreadable_request',
        message: `Forespørselen kan ikke leses (${err.code ?? 'malformed'}): innholdet er ufullstendig eller feilformet. / The request cannot be read: the body is incomplete or malformed.`,
      },
    });
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
