/**
 * A self-signed certificate for localhost and *.localhost, made with openssl on first use and kept in
 * node_modules/.cache/tongbao-lake-tls/ (never committed). The Studio's lake is served over HTTP/2,
 * which browsers speak only over TLS: the Studio holds five or more listeners open at once, and over
 * HTTP/1.1 a browser gives a host six connections, so its other requests would wait forever.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function localCertificate(root: string): { key: Buffer; cert: Buffer; file: string } {
  const dir = join(root, 'node_modules', '.cache', 'tongbao-lake-tls');
  const key = join(dir, 'localhost-key.pem');
  const cert = join(dir, 'localhost-cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '825',
          '-keyout',
          key,
          '-out',
          cert,
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=DNS:localhost,DNS:*.localhost,IP:127.0.0.1',
        ],
        { stdio: 'pipe' },
      );
    } catch (error) {
      throw new Error(
        `[tongbao] cannot make the lake's local TLS certificate with openssl (${(error as Error).message.split('\n')[0]}); install openssl`,
        { cause: error },
      );
    }
  }
  return { key: readFileSync(key), cert: readFileSync(cert), file: cert };
}
