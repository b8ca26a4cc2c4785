#!/usr/bin/env bash
# Prints the sizes of what a browser downloads from dist/: raw, gzip and brotli bytes.
# The page loads in two stages (src/ui/quick_start.rs): the first download is what
# the start screen needs (the quick start module, the loader, styles, the page);
# the planner module (csp-planner-<hash>*) loads behind the start screen.
set -euo pipefail
dist=${1:-dist}
brotli_size() { if command -v brotli >/dev/null 2>&1; then brotli -q 11 -c "$1" | wc -c; else echo "-"; fi; }
printf '\nSize report of %s/ (bytes)\n' "$dist"
printf '%-8s %-44s %10s %10s %10s\n' kind file raw gzip brotli
first_raw=0; first_gzip=0; first_br=0; planner_raw=0; planner_gzip=0; planner_br=0
# Brotli totals only when brotli is there ("-" otherwise).
add_br() { if [[ $2 == - || ${!1} == - ]]; then printf -v "$1" '%s' -; else printf -v "$1" '%d' $(( ${!1} + $2 )); fi; }
for pattern in '*.wasm:wasm' '*.js:js' '*.css:css' '*.html:html'; do
  glob=${pattern%%:*}; kind=${pattern##*:}
  while IFS= read -r file; do
    raw=$(wc -c < "$file"); gz=$(gzip -9 -c "$file" | wc -c); br=$(brotli_size "$file")
    name=${file#"$dist"/}
    if [[ $name =~ ^csp-planner-[0-9a-f]{16}(_bg\.wasm|\.js)$ ]]; then
      planner_raw=$((planner_raw + raw)); planner_gzip=$((planner_gzip + gz)); add_br planner_br "$br"
    else
      first_raw=$((first_raw + raw)); first_gzip=$((first_gzip + gz)); add_br first_br "$br"
    fi
    printf '%-8s %-44s %10d %10d %10s\n' "$kind" "$name" "$raw" "$gz" "$br"
  done < <(find "$dist" -maxdepth 1 -name "$glob" | sort)
done
total_br=$first_br; add_br total_br "$planner_br"
printf '%-8s %-44s %10d %10d %10s\n' total "first download (start screen)" "$first_raw" "$first_gzip" "$first_br"
printf '%-8s %-44s %10d %10d %10s\n' total "planner, loaded behind the start screen" "$planner_raw" "$planner_gzip" "$planner_br"
printf '%-8s %-44s %10d %10d %10s\n' total "everything before planning (both stages)" $((first_raw + planner_raw)) $((first_gzip + planner_gzip)) "$total_br"
