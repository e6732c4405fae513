#!/usr/bin/env bash
# Vendors the web UI's third-party files from the npm registry into src/sitrep/web/static/vendor.
# The output is committed: the UI never loads anything from a CDN or the network at run time.
# Run it only to upgrade (needs node and npm); pinned versions below.
set -euo pipefail

LEAFLET=1.9.4          # the map
WORLD_ATLAS=2.0.2      # Natural Earth country borders, 1:110m, as TopoJSON
TOPOJSON_CLIENT=3.1.0  # turns the TopoJSON into GeoJSON here, at build time
SWAGGER_UI=5.36.0      # the API docs page at /docs (FastAPI would load it from a CDN)

root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/src/sitrep/web/static/vendor"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$tmp"
npm pack --silent "leaflet@$LEAFLET" "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT" \
  "swagger-ui-dist@$SWAGGER_UI" >/dev/null
for pkg in leaflet world-atlas topojson-client swagger-ui-dist; do
  mkdir -p "$pkg"
  tar -xzf "$pkg"-*.tgz -C "$pkg" --strip-components=1
done

rm -rf "$dest/leaflet" "$dest/world" "$dest/swagger-ui"
mkdir -p "$dest/leaflet/images" "$dest/world" "$dest/swagger-ui"
cp leaflet/dist/leaflet.js leaflet/dist/leaflet.css "$dest/leaflet/"
cp leaflet/dist/images/*.png "$dest/leaflet/images/"
cp leaflet/LICENSE "$dest/leaflet/LICENSE"
cp world-atlas/LICENSE "$dest/world/LICENSE-world-atlas"
# the bundle already holds the standalone preset; source maps are left out
sed '/^\/\/# sourceMappingURL=/d' swagger-ui-dist/swagger-ui-bundle.js > "$dest/swagger-ui/swagger-ui-bundle.js"
sed '/sourceMappingURL=/d' swagger-ui-dist/swagger-ui.css > "$dest/swagger-ui/swagger-ui.css"
cp swagger-ui-dist/favicon-32x32.png "$dest/swagger-ui/"
cp swagger-ui-dist/LICENSE swagger-ui-dist/NOTICE swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt \
  "$dest/swagger-ui/"

# countries-110m.json (TopoJSON) -> GeoJSON FeatureCollection, coordinates rounded to 0.01 degree
node -e '
  const topojson = require("./topojson-client/dist/topojson-client.js");
  const topo = require("./world-atlas/countries-110m.json");
  const fc = topojson.feature(topo, topo.objects.countries);
  const round = (c) => Array.isArray(c[0]) ? c.map(round) : [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100];
  // rings that cross the antimeridian jump from +180 to -180; keep them continuous (past 180)
  // so Leaflet does not draw a stripe across the whole map
  const unwrap = (ring) => {
    let off = 0;
    return ring.map((p, i) => {
      if (i) {
        const d = p[0] - ring[i - 1][0];
        if (d > 180) off -= 360; else if (d < -180) off += 360;
      }
      return [p[0] + off, p[1]];
    });
  };
  const fix = (g) => g.type === "Polygon" ? g.coordinates.map(unwrap)
    : g.type === "MultiPolygon" ? g.coordinates.map((poly) => poly.map(unwrap)) : g.coordinates;
  for (const f of fc.features) f.geometry.coordinates = round(fix(f.geometry));
  process.stdout.write(JSON.stringify(fc));
' > "$dest/world/countries-110m.geojson"

cat > "$dest/README.md" <<NOTE
Vendored by scripts/vendor_web.sh from the npm registry (do not edit by hand):
- leaflet/: leaflet@$LEAFLET dist files (BSD-2-Clause, see leaflet/LICENSE)
- world/countries-110m.geojson: world-atlas@$WORLD_ATLAS countries-110m (Natural Earth, public
  domain; packaging ISC, see world/LICENSE-world-atlas) converted with topojson-client@$TOPOJSON_CLIENT
- swagger-ui/: swagger-ui-dist@$SWAGGER_UI bundle, CSS and icon for /docs (Apache-2.0, see
  swagger-ui/LICENSE, NOTICE and the bundled libraries' licences), without source maps
NOTE
echo "vendored into $dest"
