# tongbao-site.vcl: what differs per installation. Copy next to tongbao.vcl (or anywhere on vcl_path),
# as tongbao-site.vcl, and set the origin (the site's `npm run serve`) and the public host name.
backend tongbao_origin {
  .host = "127.0.0.1";
  .port = "4321";
  .connect_timeout = 2s;
  .first_byte_timeout = 15s;
}

sub tongbao_site {
  set req.http.host = "tongbao.example";
}
