#
# Tongbao (通報) in front of the site's server: the VCL the tests start Varnish with (Varnish 7.1 with
# varnish-modules for xkey). The site's address, its public host name and who may purge come from
# tongbao-site.vcl, found on vcl_path (see site.example.vcl; scripts/lib/varnish.ts writes one for tests).
#
# - GET and HEAD are cached, nothing else; a request with the preview cookie or Authorization never is, nor /api/.
# - The query string is dropped except the parameters a route reads (allow-list below: `q` on search pages),
#   Host is set to the site's host and X-Forwarded-Host and friends are removed, so neither creates an object
#   of its own (no cache poisoning through them).
# - Lifetimes come from the origin: Surrogate-Control, then CDN-Cache-Control, then Cache-Control
#   (s-maxage / max-age → TTL, stale-while-revalidate → grace: stale while a background fetch runs,
#   stale-if-error → a stale copy is served when the origin is down or answers 5xx).
#   Cache-Control private / no-store / no-cache, Surrogate-Control no-store and Set-Cookie are never cached.
# - Objects are tagged from the origin's `xkey` header (or `Surrogate-Key`); `PURGE` with
#   `xkey-purge: tag1 tag2` from an address in tongbao_purgers drops every object with one of the tags
#   (`xkey-softpurge:` marks them stale instead, so they are still served while refetched).
#   client.ip is the TCP peer: with a TLS proxy on this machine in front of Varnish, every client would
#   look local, so take client addresses through the PROXY protocol (`-a :6081,PROXY`).
#
vcl 4.1;

import std;
import xkey;

# backend tongbao_origin { … }, sub tongbao_site { set req.http.host = "…"; }
include "tongbao-site.vcl";

# Who may purge: this machine only.
acl tongbao_purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.restarts == 0) {
    # Internal markers are ours, never the client's.
    unset req.http.x-tongbao-stale-ok;
    unset req.http.x-tongbao-stale;
  }
  set req.backend_hint = tongbao_origin;
  if (req.http.x-tongbao-stale && !req.http.x-tongbao-stale-ok) {
    # The restart from vcl_hit: no grace, so this lookup misses and fetches in the foreground.
    set req.grace = 0s;
  } else if (req.restarts > 0) {
    # req.grace survives a restart (and cannot be unset): lift the limit so the object's own grace counts.
    set req.grace = 3650d;
  }

  if (req.method == "PURGE") {
    if (client.ip !~ tongbao_purgers) {
      return (synth(403, "Purging is not allowed from " + client.ip));
    }
    if (req.http.xkey-purge) {
      set req.http.x-tongbao-purged = xkey.purge(req.http.xkey-purge);
    } else if (req.http.xkey-softpurge) {
      set req.http.x-tongbao-purged = xkey.softpurge(req.http.xkey-softpurge);
    } else {
      return (synth(400, "PURGE needs an xkey-purge (or xkey-softpurge) header with space-separated tags"));
    }
    return (synth(200, "Purged " + req.http.x-tongbao-purged + " objects"));
  }
  if (req.method == "GET" && req.url == "/__varnish/ping" && client.ip ~ tongbao_purgers) {
    return (synth(200, "pong"));
  }

  # One host: the site's. Headers that could make the origin build other URLs are dropped.
  call tongbao_site;
  unset req.http.X-Forwarded-Host;
  unset req.http.X-Forwarded-Server;
  unset req.http.X-Forwarded-Port;
  unset req.http.X-Original-URL;
  unset req.http.X-Rewrite-URL;
  unset req.http.Forwarded;

  if (req.method != "GET" && req.method != "HEAD") {
    # POST /api/revalidate and the like go to the origin as they are.
    return (pass);
  }

  # The site's API (the preview's way in and out: /api/preview/?…) is never cached and keeps its query string.
  if (req.url ~ "^/api/") {
    return (pass);
  }

  # The query string: keep only the allow-listed parameters of the routes that read them.
  if (req.url ~ "\?") {
    set req.http.x-tongbao-qs = "&" + regsub(req.url, "^[^?]*\?", "");
    set req.url = regsub(req.url, "\?.*$", "");
    # Allow-list: `q` on /<locale>/search/. Add a parameter by copying these two lines.
    if (req.url ~ "^/[^/]+/search/?$" && req.http.x-tongbao-qs ~ "&q=") {
      set req.url = req.url + "?" + regsub(req.http.x-tongbao-qs, "^.*?&(q=[^&#]*).*$", "\1");
    }
    unset req.http.x-tongbao-qs;
  }
  # A fragment never reaches a server, but a hostile client can send one.
  set req.url = regsub(req.url, "#.*$", "");

  # Preview (drafts) and signed-in requests are never cached nor answered from the cache.
  if (req.http.Cookie ~ "(^|;\s*)tongbao_preview=" || req.http.Authorization) {
    return (pass);
  }
  # Public pages read no cookies: drop them so they do not split or bypass the cache.
  unset req.http.Cookie;
  return (hash);
}

sub vcl_hash {
  hash_data(req.url);
  hash_data(req.http.host);
  return (lookup);
}

sub vcl_hit {
  if (obj.ttl >= 0s) {
    return (deliver);
  }
  # The origin just failed (see vcl_synth / vcl_deliver): any stale copy still in its stale-if-error window.
  if (req.http.x-tongbao-stale-ok) {
    return (deliver);
  }
  # Within stale-while-revalidate: deliver the stale copy; Varnish refreshes it in the background.
  if (obj.ttl + std.duration(obj.http.x-tongbao-swr, 0s) > 0s) {
    return (deliver);
  }
  # Past it, but kept for stale-if-error: look up again without grace, which fetches now (Varnish 7 has
  # no return (miss) here); when that fetch fails, vcl_synth / vcl_deliver restart once more and take this copy.
  set req.http.x-tongbao-stale = "1";
  return (restart);
}

# bereq keeps x-tongbao-stale (vcl_backend_response and vcl_backend_error read it); the origin ignores it.

sub vcl_backend_response {
  # A failing origin never replaces a stale copy we may still serve.
  if (beresp.status >= 500 && (bereq.is_bgfetch || bereq.http.x-tongbao-stale)) {
    return (abandon);
  }

  # Never cached: private answers, no-store, cookies being set.
  if (beresp.http.Cache-Control ~ "(?i)(^|[\s,])(private|no-store|no-cache)" ||
      beresp.http.Surrogate-Control ~ "(?i)no-store" ||
      beresp.http.CDN-Cache-Control ~ "(?i)(private|no-store|no-cache)" ||
      beresp.http.Set-Cookie) {
    # Hit-for-miss for 2 minutes (as builtin.vcl does): requests for this URL go to the origin side by
    # side instead of queueing behind each other; a cacheable answer later replaces it.
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
  }

  # The lifetime meant for caches: Surrogate-Control, else CDN-Cache-Control (RFC 9213); else Cache-Control,
  # which Varnish has already read (s-maxage, max-age, stale-while-revalidate).
  if (beresp.http.Surrogate-Control) {
    set beresp.http.x-tongbao-cc = beresp.http.Surrogate-Control;
  } else if (beresp.http.CDN-Cache-Control) {
    set beresp.http.x-tongbao-cc = beresp.http.CDN-Cache-Control;
  } else {
    set beresp.http.x-tongbao-cc = beresp.http.Cache-Control;
  }
  if (beresp.http.x-tongbao-cc ~ "(?i)s-maxage=\d+") {
    set beresp.ttl = std.duration(regsub(beresp.http.x-tongbao-cc, "(?i)^.*s-maxage=(\d+).*$", "\1s"), beresp.ttl);
  } else if (beresp.http.x-tongbao-cc ~ "(?i)max-age=\d+") {
    set beresp.ttl = std.duration(regsub(beresp.http.x-tongbao-cc, "(?i)^.*max-age=(\d+).*$", "\1s"), beresp.ttl);
  }
  # The origin's Age counts against the lifetime.
  if (beresp.http.Age ~ "^\d+$") {
    set beresp.ttl = beresp.ttl - std.duration(beresp.http.Age + "s", 0s);
  }
  set beresp.http.x-tongbao-swr = "0s";
  if (beresp.http.x-tongbao-cc ~ "(?i)stale-while-revalidate=\d+") {
    set beresp.http.x-tongbao-swr = regsub(beresp.http.x-tongbao-cc, "(?i)^.*stale-while-revalidate=(\d+).*$", "\1s");
  }
  set beresp.http.x-tongbao-sie = "0s";
  if (beresp.http.x-tongbao-cc ~ "(?i)stale-if-error=\d+") {
    set beresp.http.x-tongbao-sie = regsub(beresp.http.x-tongbao-cc, "(?i)^.*stale-if-error=(\d+).*$", "\1s");
  }
  # Grace covers both windows; vcl_hit tells them apart.
  if (std.duration(beresp.http.x-tongbao-sie, 0s) > std.duration(beresp.http.x-tongbao-swr, 0s)) {
    set beresp.grace = std.duration(beresp.http.x-tongbao-sie, 0s);
  } else {
    set beresp.grace = std.duration(beresp.http.x-tongbao-swr, 0s);
  }
  unset beresp.http.x-tongbao-cc;

  # Tags: the origin's xkey header, or Fastly's Surrogate-Key.
  if (!beresp.http.xkey && beresp.http.Surrogate-Key) {
    set beresp.http.xkey = beresp.http.Surrogate-Key;
  }

  if (beresp.ttl <= 0s) {
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    set beresp.grace = 0s;
  }
  return (deliver);
}

sub vcl_backend_error {
  # The origin is down: keep the stale copy (background refresh, or a foreground one that can fall back to it).
  if (bereq.is_bgfetch || bereq.http.x-tongbao-stale) {
    return (abandon);
  }
  set beresp.http.Content-Type = "text/html; charset=utf-8";
  set beresp.http.Retry-After = "5";
  set beresp.http.Cache-Control = "no-store";
  synthetic({"<!doctype html><html lang="zh"><meta charset="utf-8"><title>503</title><h1>暂时无法访问 · 暫時無法訪問</h1><p>Service unavailable; try again in a few seconds.</p></html>"});
  return (deliver);
}

sub vcl_deliver {
  # The origin failed for a request that has a stale copy: go again, and take that copy.
  if (resp.status >= 500 && req.http.x-tongbao-stale && !req.http.x-tongbao-stale-ok) {
    set req.http.x-tongbao-stale-ok = "1";
    return (restart);
  }
  # Cache-only headers stay here.
  unset resp.http.xkey;
  unset resp.http.Surrogate-Key;
  unset resp.http.Surrogate-Control;
  unset resp.http.CDN-Cache-Control;
  unset resp.http.x-tongbao-swr;
  unset resp.http.x-tongbao-sie;
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
}

sub vcl_synth {
  # A foreground fetch for a stale object was abandoned (origin 5xx or down): restart and serve the copy.
  if (resp.status == 503 && req.http.x-tongbao-stale && !req.http.x-tongbao-stale-ok) {
    set req.http.x-tongbao-stale-ok = "1";
    return (restart);
  }
  set resp.http.Cache-Control = "no-store";
  if (req.method == "PURGE" || req.url == "/__varnish/ping") {
    # Plain answers for scripts: the reason, and the number of objects purged in a header.
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    if (req.http.x-tongbao-purged) {
      set resp.http.xkey-purged = req.http.x-tongbao-purged;
    }
    set resp.body = resp.reason + {"
"};
    return (deliver);
  }
  if (resp.status == 503) {
    set resp.http.Retry-After = "5";
    set resp.http.Content-Type = "text/html; charset=utf-8";
    set resp.body = {"<!doctype html><html lang="zh"><meta charset="utf-8"><title>503</title><h1>暂时无法访问 · 暫時無法訪問</h1><p>Service unavailable; try again in a few seconds.</p></html>"};
  }
  return (deliver);
}
